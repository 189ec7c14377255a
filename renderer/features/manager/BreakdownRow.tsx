/** One row of a breakdown table: its label (a link to the services behind it, when it has any) and its cells. */
export function BreakdownRow({
  label,
  cells,
  onOpen,
  id,
}: {
  label: string;
  cells: (string | number)[];
  onOpen?: () => void;
  id: string;
}) {
  return (
    <tr data-row={id}>
      <th scope="row">
        {onOpen ? (
          <button type="button" className="link" onClick={onOpen}>
            {label}
          </button>
        ) : (
          label
        )}
      </th>
      {cells.map((cell, index) => (
        <td key={index}>{cell}</td>
      ))}
    </tr>
  );
}
