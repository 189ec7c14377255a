#!/usr/bin/python3
"""A second verifier of Counter Steps exports, written from docs/export-format.md alone (not from
the app's code), to show the format is specified well enough for anyone to check. Python 3 with
hashlib and the `cryptography` package (Debian: python3-cryptography). It checks integrity and
signatures (the device's, and each person's on the records carrying their authority), not the
meaning rules (who may record what), which the app's verifier adds.

  verify-export.py EXPORT.zip [--previous EARLIER.zip] [--key FINGERPRINT]
Exit 0 intact, 1 not intact, 2 unusable input; one line saying which, and why."""
import base64, hashlib, json, re, sys, zipfile
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, ed25519, utils

KEY_TYPES = {"device-identity", "device-restored", "checkpoint"}
AUTHORITY = {"signed-in", "screen-unlocked", "escalation-confirmed", "pin-set", "account-created", "account-disabled",
             "account-enabled", "config-changed", "service-amended", "spot-check-recorded", "follow-up-closed"}

def person_key(row, keys, restored_before):  # the key that must have signed row, or None (before 0063)
    ev, who = row["event"], row.get("staffNo")
    if row.get("v") != 2 or who is None: return None
    if not (ev["type"] in AUTHORITY or (ev["type"] == "signed-out" and ev.get("reason") == "replaced")): return None
    if ev["type"] == "account-created" and ev.get("subject") == who: return None  # the first manager, at the first run
    own = keys.get(who)
    if ev["type"] == "pin-set" and ev.get("subject") == who and "personKey" in ev and (own is None or restored_before): return ev["personKey"]
    return own

class Verdict(Exception):
    def __init__(self, code, message): super().__init__(message); self.code = code

def jcs(v):  # RFC 8785: sorted keys (UTF-16 order), no spaces, ECMAScript numbers and strings.
    if isinstance(v, dict):
        keys = sorted(v, key=lambda k: k.encode("utf-16-be"))
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + jcs(v[k]) for k in keys) + "}"
    if isinstance(v, list): return "[" + ",".join(jcs(x) for x in v) + "]"
    if v is True or v is False or v is None or isinstance(v, str): return json.dumps(v, ensure_ascii=False)
    if isinstance(v, int): return str(v)
    if v != v or v in (float("inf"), float("-inf")): raise ValueError("no canonical form")
    if v == 0: return "0"
    m, _, e = repr(abs(v)).partition("e")  # shortest round trip, then ECMAScript's layout
    whole, _, frac = m.partition(".")
    both = whole + frac.rstrip("0")
    d = both.lstrip("0").rstrip("0")
    n, k = len(whole) - (len(both) - len(both.lstrip("0"))) + int(e or 0), len(d)
    out = (d + "0" * (n - k) if k <= n <= 21 else d[:n] + "." + d[n:] if 0 < n <= 21 else "0." + "0" * -n + d if -6 < n <= 0
           else d[0] + ("." + d[1:] if k > 1 else "") + "e" + ("+" if n > 0 else "-") + str(abs(n - 1)))
    return ("-" if v < 0 else "") + out

sha = lambda b: hashlib.sha256(b).hexdigest()
record_hash = lambda row: sha(jcs({k: x for k, x in row.items() if k != "hash"}).encode())
b64 = lambda s: base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))
fingerprint = lambda jwk: " ".join(re.findall(".{4}", sha(jcs(jwk).encode())[:32]))

def signed(jwk, payload, signature):
    data = jcs(payload).encode()
    try:
        if jwk["kty"] == "OKP":
            ed25519.Ed25519PublicKey.from_public_bytes(b64(jwk["x"])).verify(b64(signature), data)
        else:
            raw = b64(signature)
            key = ec.EllipticCurvePublicNumbers(int.from_bytes(b64(jwk["x"]), "big"), int.from_bytes(b64(jwk["y"]), "big"), ec.SECP256R1()).public_key()
            key.verify(utils.encode_dss_signature(int.from_bytes(raw[:32], "big"), int.from_bytes(raw[32:], "big")), data, ec.ECDSA(hashes.SHA256()))
        return True
    except (InvalidSignature, ValueError, KeyError, TypeError):
        return False

def verify(path, key=None):
    try: z = zipfile.ZipFile(path)
    except (OSError, zipfile.BadZipFile): raise Verdict(2, f"{path} is not a zip")
    names = z.namelist()
    if "manifest.json" not in names: raise Verdict(2, "no manifest.json: not an export")
    text = z.read("manifest.json").decode("utf-8", "replace")
    try: m = json.loads(text)
    except ValueError: raise Verdict(2, "manifest.json is not JSON")
    if text != json.dumps(m, indent=2, ensure_ascii=False) + "\n": raise Verdict(2, "manifest.json is not laid out as the app writes it")
    if not isinstance(m.get("formatVersion"), int) or m["formatVersion"] > 4: raise Verdict(2, "unsupported format version")
    if m.get("format") != "counter-steps-export" or not all(k in m for k in ("device", "records", "files", "keyRecords", "signature")): raise Verdict(2, "manifest.json is not an export manifest")
    if key is not None and not re.fullmatch("[0-9a-fA-F]{32}", re.sub(r"\s", "", key)): raise Verdict(2, "--key is not a fingerprint")
    for i, n in enumerate(names):
        if n in names[:i]: raise Verdict(1, f"{n} appears twice in the export")
        if n != "manifest.json" and n not in [f["name"] for f in m["files"]]: raise Verdict(1, f"{n} is in the export but not in its manifest")
    for f in m["files"]:
        if f["name"] not in names: raise Verdict(1, f"{f['name']} is missing")
        data = z.read(f["name"])
        if len(data) != f["bytes"] or sha(data) != f["sha256"]: raise Verdict(1, f"{f['name']} was changed after the export was made")
    chain, index, cur, device, vouched = None, 0, None, None, {}
    start = m.get("keyChainFrom")  # the chain continues the previous export's: it starts at that key
    if start is not None:
        if fingerprint(start["key"]) != start["fingerprint"]: raise Verdict(1, "the key chain's start is not the key it names")
        chain, index, cur, device = start["seq"], start["keyIndex"], start["key"], m["device"]["id"]
    for row in m["keyRecords"]:  # key 0 = identity key; key i+1 = checkpoint i's nextKey
        ev = row.get("event", {})
        if record_hash(row) != row.get("hash") or (chain is not None and row["seq"] <= chain): raise Verdict(1, f"key record {row.get('seq')} is not a valid chain")
        if chain is None and (ev.get("type") != "device-identity" or jcs(ev["publicKey"]) != jcs(m["device"]["firstKey"])): raise Verdict(1, "the key chain does not start at the first key")
        if ev["type"] in ("device-identity", "device-restored"): index, cur, device = 0, ev["publicKey"], ev["deviceId"]
        elif ev["type"] == "checkpoint" and ev["keyIndex"] == index and signed(cur, {"purpose": "counter-steps/checkpoint", "device": device, "upToSeq": ev["upToSeq"], "upToHash": ev["upToHash"], "keyIndex": ev["keyIndex"], "nextKey": ev["nextKey"]}, ev["signature"]): index, cur = index + 1, ev["nextKey"]
        else: raise Verdict(1, f"key record {row['seq']} is not a valid chain (signature)")
        chain, vouched[row["seq"]] = row["seq"], row["hash"]
    if device != m["device"]["id"]: raise Verdict(1, "the key chain is another device's")
    if key is not None and re.sub(r"\s", "", key).lower() != fingerprint(m["device"]["firstKey"]).replace(" ", ""): raise Verdict(1, "the first key is not the device key given")
    people = {r["seq"]: r for r in m.get("personKeyRecords", [])}  # pin-set rows committing people's keys
    for r in people.values():
        if record_hash(r) != r.get("hash") or r["event"].get("type") != "pin-set" or "personKey" not in r["event"]: raise Verdict(1, f"person key record {r.get('seq')} was changed")
    first, last, seq, prev, count, committed = m["records"]["first"], m["records"]["last"], None, None, 0, {}
    keys = {r["event"]["subject"]: r["event"]["personKey"] for s_, r in sorted(people.items()) if s_ < first["seq"]}
    restored = {r["seq"] for r in m["keyRecords"] if r["event"]["type"] == "device-restored"}
    for line in z.read("log.jsonl").decode().splitlines():
        row = json.loads(line)
        if count == 0 and (row["prevHash"] != first["prevHash"] or row["hash"] != first["hash"] or row["seq"] != first["seq"]): raise Verdict(1, "the first record is not the manifest's")
        if count == 0 and row["seq"] == 1 and row["prevHash"] != "0" * 64: raise Verdict(1, "record 1 does not start the log")
        if count and (row["seq"] != seq + 1 or row["prevHash"] != prev): raise Verdict(1, f"record {row['seq']} does not link to the one before")
        if record_hash(row) != row["hash"]: raise Verdict(1, f"record {row['seq']} was changed")
        if row["event"]["type"] in KEY_TYPES and vouched.get(row["seq"]) != row["hash"]: raise Verdict(1, f"record {row['seq']} is not the key record the chain vouches for")
        if row["event"]["type"] == "checkpoint" and (row["event"]["upToSeq"] != row["seq"] - 1 or row["event"]["upToHash"] != row["prevHash"]): raise Verdict(1, f"checkpoint {row['seq']} does not seal the record before it")
        if row["seq"] in people and people[row["seq"]]["hash"] != row["hash"]: raise Verdict(1, f"record {row['seq']} is not the person key record the manifest names")
        key = person_key(row, keys, row["seq"] - 1 in restored)
        body = {k: x for k, x in row.items() if k not in ("hash", "sig")}
        if key is not None and not ("sig" in row and signed(key, {"purpose": "counter-steps/person-signature", "record": body}, row["sig"])):
            raise Verdict(1, f"record {row['seq']} ({row['event']['type']} by {row['staffNo']}) is not signed by {row['staffNo']}")
        if row["event"]["type"] == "pin-set" and "personKey" in row["event"]: keys[row["event"]["subject"]] = row["event"]["personKey"]
        for v in row["event"].values():  # a personal value held as {"commitment": hex}
            if isinstance(v, dict) and list(v) == ["commitment"]: committed[v["commitment"]] = row["seq"]
        seq, prev, count = row["seq"], row["hash"], count + 1
    if count != m["records"]["count"] or seq != last["seq"] or prev != last["hash"]: raise Verdict(1, "the records are not the ones the manifest names")
    seen = set()  # personal.jsonl (full exports): each value against its record's commitment
    for i, line in enumerate(z.read("personal.jsonl").decode().splitlines() if "personal.jsonl" in names else [], 1):
        try:
            p = json.loads(line); salt = bytes.fromhex(p["salt"])
            ok = set(p) == {"commitment", "salt", "seq", "value"} and len(salt) == 16 and isinstance(p["value"], str) and p["commitment"] not in seen
            ok = ok and committed.get(p["commitment"]) == p["seq"] and sha(salt + p["value"].encode()) == p["commitment"]
        except (ValueError, KeyError, TypeError, AttributeError): ok = False
        if not ok: raise Verdict(1, f"line {i} of personal.jsonl is not a value its record commits to")
        seen.add(p["commitment"])
    payload = {"purpose": "counter-steps/export-manifest", "manifest": {k: x for k, x in m.items() if k != "signature"}}
    sig = m["signature"]
    ok = signed(m["hub"]["publicKey"], payload, sig["value"]) if sig.get("signer") == "hub" and "hub" in m else "hub" not in m and sig["keyIndex"] == index and signed(cur, payload, sig["value"])
    if not ok: raise Verdict(1, "the manifest's signature does not hold")
    return m

def main(argv):
    args, opts = [], {}
    while argv:
        a = argv.pop(0)
        if a in ("--previous", "--key") and argv: opts[a] = argv.pop(0)
        elif a.startswith("--"): raise Verdict(2, "usage: verify-export.py EXPORT.zip [--previous EARLIER.zip] [--key FINGERPRINT]")
        else: args.append(a)
    if len(args) != 1: raise Verdict(2, "usage: verify-export.py EXPORT.zip [--previous EARLIER.zip] [--key FINGERPRINT]")
    m = verify(args[0], opts.get("--key"))
    if "--previous" in opts:
        try: e = verify(opts["--previous"])
        except Verdict as problem:
            raise Verdict(2 if str(problem).endswith("is not a zip") else 1, f"the earlier export is not intact: {problem}")
        end, start = e["records"]["last"], m["records"]["first"]
        if jcs(e["device"]["firstKey"]) != jcs(m["device"]["firstKey"]): raise Verdict(1, "the earlier export is from another device")
        if jcs(e) == jcs(m): raise Verdict(1, "the earlier export given is this same export")
        if "keyChainFrom" in m:  # its key chain must start where the earlier export's ended
            ended = dict(e["keyChainFrom"]) if "keyChainFrom" in e else None
            for r in e["keyRecords"]:
                if r["seq"] > e["records"]["last"]["seq"]: break
                ev = r["event"]
                ended = {"seq": r["seq"], "keyIndex": 0, "key": ev["publicKey"]} if ev["type"] != "checkpoint" else {"seq": r["seq"], "keyIndex": ev["keyIndex"] + 1, "key": ev["nextKey"]}
            s_ = m["keyChainFrom"]
            if ended is None or (ended["seq"], ended["keyIndex"], jcs(ended["key"])) != (s_["seq"], s_["keyIndex"], jcs(s_["key"])):
                raise Verdict(1, f"its key chain does not start where the earlier export's ended (after record {s_['seq']})")
        if end["seq"] >= start["seq"]: raise Verdict(1, f"the earlier export does not come before this one (it ends at {end['seq']}, this one starts at {start['seq']})")
        if end["seq"] + 1 < start["seq"]: raise Verdict(1, f"records {end['seq'] + 1} to {start['seq'] - 1} are in neither export")
        if start["prevHash"] != end["hash"]: raise Verdict(1, f"record {start['seq']} is not the same in the two exports")
    elif "keyChainFrom" in m:
        raise Verdict(2, f"its key chain starts where the previous export's ended (after record {m['keyChainFrom']['seq']}): give that export with --previous")
    print(f"Intact: {m['records']['count']} records, {m['records']['first']['seq']} to {m['records']['last']['seq']}")

if __name__ == "__main__":
    try: main(sys.argv[1:]); sys.exit(0)
    except Verdict as v: print(("NOT INTACT: " if v.code == 1 else "Cannot check this: ") + str(v)); sys.exit(v.code)
