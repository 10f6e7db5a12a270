"""Schemathesis hooks for scripts/api-check: the bearer token for each call.

The API allows each token 120 calls a minute. A bounded schemathesis run makes more than that,
so the tokens (all write tokens, made by the script) take turns, and every call still carries a
real token the server checks: NEXTYES_TOKENS holds them, separated by spaces. Nothing is
retried on 401: a 401 with a valid token would be a finding.
"""
import itertools
import os
import threading

import schemathesis

_tokens = itertools.cycle(os.environ["NEXTYES_TOKENS"].split())
_lock = threading.Lock()


@schemathesis.auth(refresh_interval=None, retry_on=[])
class TakeTurns:
    def get(self, case, context):
        with _lock:
            return next(_tokens)

    def set(self, case, data, context):
        case.headers = dict(case.headers or {})
        case.headers["Authorization"] = f"Bearer {data}"
