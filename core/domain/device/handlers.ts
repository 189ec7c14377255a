/**
 * The shape of the command dispatch: one handler per command type, each area (access, audit,
 * services) exporting its own handlers `satisfies` its part of the map, and the device's decider
 * indexing the whole map with the command's `type`. The types make a command type without a
 * handler, or a handler given another command's shape, a compile error, where the old routing by
 * sets of names and casts let either through.
 */
import type { Command, CommandType, Decision, DecideEnv } from './commands';
import type { DeviceState } from './state';

/** The command whose type is `T`. */
export type CommandOf<T extends CommandType> = Extract<Command, { type: T }>;

/** Judges one kind of command against the device's state. Pure, like every decider. */
export type Handler<C extends Command> = (
  state: DeviceState,
  command: C,
  env: DecideEnv,
) => Decision;

/** One handler for each command type of `C`, given that command's own shape. */
export type HandlersFor<C extends Command> = {
  [T in C['type']]: Handler<Extract<C, { type: T }>>;
};

/**
 * Runs the handler for `command`'s type. The generic key keeps the handler and the command
 * correlated (TypeScript 4.6's indexed access over a mapped type), so no cast is needed.
 */
export function dispatch<T extends CommandType>(
  handlers: { [K in T]: Handler<CommandOf<K>> },
  state: DeviceState,
  command: CommandOf<T>,
  env: DecideEnv,
): Decision {
  const type: T = command.type;
  return handlers[type](state, command, env);
}
