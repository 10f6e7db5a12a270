#!/usr/bin/env python3
"""Prints a short, warm summary of a job search from the NextYes API.

    NEXTYES_URL=http://127.0.0.1:8080 NEXTYES_TOKEN=nyt_... python3 example_summary.py
    python3 example_summary.py --url http://127.0.0.1:8080 --token nyt_...

A read token is enough (``nextyes api token create --name summary``). The counts come from
``/insights`` (its ``summary`` object, the same as ``nextyes insights --json``) and, for the
outcomes, from the application list's ``total`` for each outcome.
"""
import argparse
import os
import sys

from nextyes_client import OUTCOMES, Client, NextYesError

OUTCOME_WORDS = {
    "open": "still open",
    "rejected": "rejected",
    "withdrawn": "withdrawn",
    "ghosted": "with no reply",
    "offer-accepted": "offer accepted",
    "offer-declined": "offer declined",
}


def plural(count, one, many=None):
    return f"{count} {one if count == 1 else (many or one + 's')}"


def summary(client):
    """The summary's lines, from the API."""
    overview = client.insights()["summary"]
    by_outcome = {outcome: client.list_applications(outcome=outcome, per_page=1)["total"] for outcome in OUTCOMES}

    total = overview["applications"]
    lines = ["Your search so far", ""]
    if total == 0:
        lines.append("No applications yet. The first one is the hardest; it's all ahead of you.")
        return lines
    lines.append(f"Applications: {total}")
    for outcome in OUTCOMES:
        if by_outcome[outcome]:
            lines.append(f"  {by_outcome[outcome]} {OUTCOME_WORDS[outcome]}")
    lines.append(f"Heard back: {overview['heardBack']} of {total}")
    lines.append(f"Interviews: {overview['interviews']}")
    lines.append(f"Offers: {overview['offers']}")
    lines.append("")
    if overview["offers"]:
        lines.append(f"{plural(overview['offers'], 'offer')} so far: your work is paying off.")
    elif overview["interviews"]:
        lines.append(f"{plural(overview['interviews'], 'interview')} means employers see what you bring. Keep going.")
    elif overview["heardBack"]:
        lines.append("People are answering. Every reply is something to learn from.")
    else:
        lines.append("No replies yet is normal early on; you're doing the part that counts.")
    if by_outcome["open"]:
        lines.append(f"{plural(by_outcome['open'], 'application')} still in play.")
    return lines


def main(argv=None):
    parser = argparse.ArgumentParser(description="Print a short summary of your search from the NextYes API.")
    parser.add_argument("--url", default=os.environ.get("NEXTYES_URL"),
                        help="where NextYes runs, e.g. http://127.0.0.1:8080 (default: $NEXTYES_URL)")
    parser.add_argument("--token", default=os.environ.get("NEXTYES_TOKEN"),
                        help="an API token (default: $NEXTYES_TOKEN)")
    args = parser.parse_args(argv)
    if not args.url or not args.token:
        parser.error("give the server's address and a token (--url and --token, or NEXTYES_URL and NEXTYES_TOKEN); "
                     "make a token with: nextyes api token create --name summary")
    try:
        lines = summary(Client(args.url, args.token))
    except NextYesError as problem:
        print(f"NextYes said: {problem}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"Couldn't reach NextYes at {args.url}: {error}", file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
