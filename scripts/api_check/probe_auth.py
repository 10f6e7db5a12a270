"""No way into the API without a valid token, for every operation in the document.

Each operation is called (with a real application's id and a body the document allows) with no
Authorization header, with other schemes and malformed or unknown bearer tokens, and with a
token that worked a moment ago and was then revoked: each must answer 401 as problem+json with a
WWW-Authenticate: Bearer challenge. Every operation that changes something must answer 403 to a
read-only token. The backup is compared before and after, so none of the refused calls changed
anything.

    python3 probe_auth.py BASE_URL READ_TOKEN WRITE_TOKEN REVOKED_TOKEN OPENAPI_YAML
"""
import json
import re
import sys
import urllib.error
import urllib.request

import yaml

METHODS = ("get", "put", "post", "patch", "delete", "head", "options", "trace")


def resolve(schema, document):
    while isinstance(schema, dict) and "$ref" in schema:
        target = document
        for part in schema["$ref"].lstrip("#/").split("/"):
            target = target[part]
        schema = target
    return schema


def example(schema, document):
    """A small value the schema allows: required fields only, an enum's first value, the minimum.
    The token is refused before the body is read, so the body only has to look like a real call."""
    schema = resolve(schema, document)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type", "object")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "string")
    if kind == "object":
        properties = schema.get("properties", {})
        return {name: example(properties.get(name, {}), document) for name in schema.get("required", [])}
    if kind == "array":
        return [example(schema["items"], document)] * schema.get("minItems", 0) if "items" in schema else []
    if kind in ("integer", "number"):
        return schema.get("minimum", 1)
    if kind == "boolean":
        return False
    return "2026-01-05" if schema.get("format") == "date" else "probe"


def request_body(operation, document):
    content = resolve(operation.get("requestBody", {}), document).get("content", {})
    if "application/json" not in content:
        return None
    return example(content["application/json"].get("schema", {}), document)


def call(method, url, authorization=None, body=None):
    headers = {"Accept": "application/json, application/problem+json"}
    if authorization is not None:
        headers["Authorization"] = authorization
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=data, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.headers, error.read()


def main(base, read_token, write_token, revoked_token, document_path):
    with open(document_path, encoding="utf-8") as file:
        document = yaml.safe_load(file)
    api = base.rstrip("/") + "/api/v1"
    status, _, body = call("GET", api + "/applications?perPage=1", f"Bearer {write_token}")
    assert status == 200, (status, body)
    some_id = json.loads(body)["items"][0]["id"]
    before = call("GET", api + "/export", f"Bearer {write_token}")[2]

    refusals = {
        "no Authorization header": None,
        "an empty header": "",
        "Basic instead of Bearer": "Basic dXNlcjpwYXNz",
        "Bearer without a token": "Bearer ",
        "a malformed token": "Bearer not-a-token",
        "an unknown token": "Bearer nyt_" + "0" * 64,
        "a known token's prefix": "Bearer " + write_token[:-8],
        "a revoked token": f"Bearer {revoked_token}",
    }
    failures, calls = [], 0
    for path, item in document["paths"].items():
        for method in (m for m in item if m in METHODS):
            operation = item[method]
            op_id = operation["operationId"]
            # A real application's id; any other identifier is 1 (the token is checked first).
            url = api + re.sub(r"\{(\w+)\}", lambda m: str(some_id) if m.group(1) == "id" else "1", path)
            body = request_body(operation, document)
            for what, authorization in refusals.items():
                status, headers, payload = call(method.upper(), url, authorization, body)
                calls += 1
                problems = []
                if status != 401:
                    problems.append(f"status {status}, not 401")
                if not (headers.get("Content-Type") or "").startswith("application/problem+json"):
                    problems.append(f"Content-Type {headers.get('Content-Type')!r}")
                if not (headers.get("WWW-Authenticate") or "").startswith("Bearer"):
                    problems.append("no WWW-Authenticate: Bearer challenge")
                try:
                    problem = json.loads(payload)
                    if problem.get("status") != 401 or not problem.get("title"):
                        problems.append(f"problem body {problem}")
                except ValueError:
                    problems.append(f"body is not JSON: {payload[:120]!r}")
                if problems:
                    failures.append(f"{method.upper()} {path} ({op_id}) with {what}: " + "; ".join(problems)
                                    + f"\n      curl -i -X {method.upper()} '{url}'"
                                    + (f" -H 'Authorization: {authorization}'" if authorization else "")
                                    + (f" -H 'Content-Type: application/json' -d '{json.dumps(body)}'" if body is not None else ""))
            writes = method != "get" and op_id != "extractSkills"
            if writes:
                status, headers, payload = call(method.upper(), url, f"Bearer {read_token}", body)
                calls += 1
                if status != 403:
                    failures.append(f"{method.upper()} {path} ({op_id}) with a read-only token: status {status}, not 403")
    after = call("GET", api + "/export", f"Bearer {write_token}")[2]
    if before != after:
        failures.append("the backup changed although every call above was refused")
    if failures:
        print(f"FAIL {len(failures)} of {calls} refused calls were not refused properly:")
        for failure in failures:
            print("   ", failure)
        return 1
    print(f"ok   {calls} calls without a valid token (or writing with a read token) on "
          f"{sum(1 for i in document['paths'].values() for m in i if m in METHODS)} operations were refused, and nothing changed")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
