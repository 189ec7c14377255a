#!/usr/bin/python3
"""Greps every file of a zip for each word given, with Python's own zipfile (a reader the app's
authors did not write); a file that is itself a zip (log.xlsx) is opened and each of its files
grepped too. Prints one line per find, `FILE: WORD`; exit 0 when nothing is found, 1 when
something is, 2 when the zip cannot be read.

  grep-zip.py EXPORT.zip WORD [WORD…]"""
import io, sys, zipfile

def finds(data, words, name):
    out = [f"{name}: {w}" for w in words if w.encode("utf-8") in data]
    if data[:4] == b"PK\x03\x04":
        with zipfile.ZipFile(io.BytesIO(data)) as inner:
            for entry in inner.namelist(): out += finds(inner.read(entry), words, f"{name}/{entry}")
    return out

if __name__ == "__main__":
    try:
        with zipfile.ZipFile(sys.argv[1]) as z:
            found = [f for n in z.namelist() for f in finds(z.read(n), sys.argv[2:], n)]
    except (OSError, zipfile.BadZipFile, IndexError) as e:
        print(f"cannot read: {e}"); sys.exit(2)
    print("\n".join(found) if found else "nothing found")
    sys.exit(1 if found else 0)
