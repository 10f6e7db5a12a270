"""The API document's two forms agree: openapi.json (generated) equals openapi.yaml (the source)
parsed, and, given the server's address, the document it serves equals them too.

    python3 check_document.py openapi.yaml openapi.json [http://127.0.0.1:PORT]
"""
import json
import sys
import urllib.request

import yaml


def differences(a, b, path="$"):
    """Where two parsed documents differ, as JSON paths (the first few)."""
    if type(a) is not type(b):
        return [f"{path}: {type(a).__name__} vs {type(b).__name__}"]
    if isinstance(a, dict):
        found = [f"{path}.{key}: only in one" for key in sorted(set(a) ^ set(b), key=str)]
        for key in sorted(set(a) & set(b), key=str):
            found += differences(a[key], b[key], f"{path}.{key}")
        return found
    if isinstance(a, list):
        if len(a) != len(b):
            return [f"{path}: {len(a)} items vs {len(b)}"]
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in differences(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {a!r} vs {b!r}"]


def main(yaml_path, json_path, base=None):
    with open(yaml_path, encoding="utf-8") as file:
        source = yaml.safe_load(file)
    with open(json_path, encoding="utf-8") as file:
        generated = json.load(file)
    failed = False
    for name, other in [(json_path, generated)] + (
            [(f"{base}/api/v1/openapi.json", json.load(urllib.request.urlopen(f"{base}/api/v1/openapi.json", timeout=30)))]
            if base else []):
        found = differences(source, other)
        if found:
            failed = True
            print(f"FAIL {name} differs from {yaml_path}:")
            for line in found[:20]:
                print("   ", line)
        else:
            print(f"ok   {name} equals {yaml_path} parsed")
    operations = sum(1 for item in source["paths"].values() for method in item if method in
                     ("get", "put", "post", "patch", "delete", "head", "options", "trace"))
    print(f"     {len(source['paths'])} paths, {operations} operations")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
