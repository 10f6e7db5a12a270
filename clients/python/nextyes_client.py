"""A small Python client for the NextYes JSON API (``/api/v1``).

It follows the API's OpenAPI 3.1 document (``Sources/NextYesAPI/openapi.yaml`` in the
repository, served by a running NextYes at ``/api/v1/openapi.json``): one method per
operation, plain dictionaries and lists in and out, the standard library only
(``urllib`` and ``json``), Python 3.9 or later. Copy this one file next to your script.

Make a token first (it is printed once)::

    nextyes api token create --name "my script"                 # may read
    nextyes api token create --name "my script" --scope write   # may read and change

Then::

    from nextyes_client import Client, NextYesError

    api = Client("http://127.0.0.1:8080", token)
    for application in api.iter_applications(outcome="open"):
        print(application["company"], application["stage"])
    try:
        api.move_application(7, "interview", on="2026-11-27")
    except NextYesError as problem:
        print(problem.status, problem.title, problem.field_errors)

Every answer other than 2xx raises :class:`NextYesError`, which carries the RFC 9457 problem
the server sent (status, title, detail and, for a form, the field each message belongs to).
Network failures (server not running, timeouts) are raised as ``urllib``'s ``URLError`` or
``OSError``, as ``urllib`` raises them.

Each token may make 120 calls a minute; past that the server answers 429 and the error's
``retry_after`` says how many seconds to wait. Days are ``YYYY-MM-DD`` strings; every
method that takes a day also accepts a ``datetime.date``.
"""
from __future__ import annotations

import datetime
import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any, Dict, Iterator, List, Optional, Sequence, Union

__all__ = ["Client", "NextYesError", "STAGES", "OUTCOMES", "SORTS", "__version__"]
__version__ = "1.0.0"

#: The stages of an open application, in order (the document's ``Stage``).
STAGES = ("saved", "applied", "screening", "assessment", "interview", "final-round", "offer")
#: How an application stands (the document's ``Outcome``).
OUTCOMES = ("open", "rejected", "withdrawn", "ghosted", "offer-accepted", "offer-declined")
#: The orders ``list_applications`` knows; a leading ``-`` reverses one (the document's ``Sort``).
SORTS = ("recent", "-recent", "company", "-company", "role", "-role", "stage", "-stage",
         "outcome", "-outcome", "applied", "-applied")

Day = Union[str, datetime.date]
JSON = Any


class NextYesError(Exception):
    """The API answered with a status other than 2xx.

    Attributes follow RFC 9457 problem details as the API sends them:

    - ``status``: the HTTP status (401 no or bad token, 403 a read-only token tried to write,
      404 no such application, 422 a field needs a look, 429 too many calls, ...).
    - ``title``: a short, plain summary.
    - ``detail``: what to do about it, or ``None``.
    - ``type``: the problem type (``"about:blank"`` for the API's own problems).
    - ``errors``: a list of ``{"field": ..., "message": ...}`` for a form's fields (may be empty).
    - ``problem``: the whole problem object as sent (or ``{}`` when the body was not JSON).
    - ``retry_after``: for a 429, the seconds the server asks to wait, else ``None``.
    - ``method`` and ``url``: the request that failed.
    """

    def __init__(self, status: int, title: str, detail: Optional[str] = None,
                 errors: Optional[List[Dict[str, str]]] = None, type: str = "about:blank",
                 problem: Optional[Dict[str, Any]] = None, retry_after: Optional[int] = None,
                 method: str = "", url: str = ""):
        self.status = status
        self.title = title
        self.detail = detail
        self.errors = list(errors or [])
        self.type = type
        self.problem = dict(problem or {})
        self.retry_after = retry_after
        self.method = method
        self.url = url
        text = f"{status} {title}"
        if detail:
            text += f": {detail}"
        super().__init__(text)

    @property
    def field_errors(self) -> Dict[str, str]:
        """The field problems as ``{field: message}`` (messages for one field joined by a space)."""
        fields: Dict[str, str] = {}
        for error in self.errors:
            field, message = error.get("field", ""), error.get("message", "")
            fields[field] = f"{fields[field]} {message}" if field in fields else message
        return fields

    @classmethod
    def from_response(cls, status: int, reason: str, headers: Any, body: bytes,
                      method: str = "", url: str = "") -> "NextYesError":
        """Builds the error from an HTTP answer, reading its problem+json body when there is one."""
        problem: Dict[str, Any] = {}
        try:
            parsed = json.loads(body.decode("utf-8")) if body else {}
            if isinstance(parsed, dict):
                problem = parsed
        except (UnicodeDecodeError, ValueError):
            pass
        retry_after = None
        if headers is not None and headers.get("Retry-After"):
            try:
                retry_after = int(headers.get("Retry-After"))
            except ValueError:
                pass
        errors = problem.get("errors") if isinstance(problem.get("errors"), list) else []
        detail = problem.get("detail")
        if detail is None and not problem and body:
            # Not a problem document (a proxy's page, say): keep the start of it for the message.
            detail = body[:300].decode("utf-8", "replace").strip() or None
        return cls(status=int(problem.get("status") or status), title=str(problem.get("title") or reason or "Error"),
                   detail=detail, errors=errors, type=str(problem.get("type") or "about:blank"),
                   problem=problem, retry_after=retry_after, method=method, url=url)


def _day(value: Optional[Day]) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def _body(**fields: Any) -> Dict[str, Any]:
    """A JSON object of the fields that were given (``None`` means 'leave it out')."""
    return {name: value for name, value in fields.items() if value is not None}


class Client:
    """A connection to one NextYes server with one token.

    :param base_url: where NextYes runs, e.g. ``"http://127.0.0.1:8080"``; ``/api/v1`` is
        added unless the address already ends with it.
    :param token: a token from ``nextyes api token create`` (``--scope write`` to change things).
    :param timeout: seconds to wait for each answer.
    :param user_agent: sent as ``User-Agent``.
    """

    def __init__(self, base_url: str, token: str, timeout: float = 30.0,
                 user_agent: str = f"nextyes-python-client/{__version__}"):
        base = base_url.rstrip("/")
        if not base.endswith("/api/v1"):
            base += "/api/v1"
        self.base_url = base
        self.token = token
        self.timeout = timeout
        self.user_agent = user_agent

    def __repr__(self) -> str:
        return f"Client({self.base_url!r}, token=...)"

    # The one place that speaks HTTP.
    def request(self, method: str, path: str, query: Optional[Dict[str, Any]] = None,
                body: Optional[JSON] = None, authenticate: bool = True) -> JSON:
        """Sends one call and returns the parsed JSON answer (``None`` for 204 No Content).

        ``path`` is relative to ``/api/v1`` (``"/applications"``); ``query`` values that are
        ``None`` are left out. Raises :class:`NextYesError` for any status other than 2xx.
        The methods below are the friendly way in; this is for anything they don't cover.
        """
        url = self.base_url + path
        params = {name: _day(value) if isinstance(value, datetime.date) else value
                  for name, value in (query or {}).items() if value is not None}
        if params:
            url += "?" + urllib.parse.urlencode(params)
        headers = {"Accept": "application/json, application/problem+json", "User-Agent": self.user_agent}
        if authenticate:
            headers["Authorization"] = f"Bearer {self.token}"
        data = None
        if body is not None:
            data = json.dumps(body).encode("utf-8")
            headers["Content-Type"] = "application/json"
        request = urllib.request.Request(url, data=data, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                payload = response.read()
                if response.status == 204 or not payload:
                    return None
                return json.loads(payload.decode("utf-8"))
        except urllib.error.HTTPError as error:
            try:
                payload = error.read()
            finally:
                error.close()
            raise NextYesError.from_response(error.code, error.reason, error.headers, payload,
                                             method=method, url=url) from None

    # Applications
    def list_applications(self, outcome: Optional[str] = None, q: Optional[str] = None,
                          sort: Optional[str] = None, page: Optional[int] = None,
                          per_page: Optional[int] = None) -> Dict[str, Any]:
        """One page of applications, latest news first (``GET /applications``).

        :param outcome: only those with this outcome (one of :data:`OUTCOMES`).
        :param q: words that must all appear in the company, role, location or notes (up to 100 characters).
        :param sort: one of :data:`SORTS`.
        :param page: which page, from 1.
        :param per_page: applications a page, 1 to 100 (the server's default is 50).
        :returns: ``{"items": [application, ...], "total": n, "page": p, "pageCount": c}``;
            ``total`` counts every match on all pages. The items carry no timeline, notes or
            job description; :meth:`get_application` has those.
        """
        return self.request("GET", "/applications", query={
            "outcome": outcome, "q": q, "sort": sort, "page": page, "perPage": per_page})

    def iter_applications(self, outcome: Optional[str] = None, q: Optional[str] = None,
                          sort: Optional[str] = None, per_page: int = 100) -> Iterator[Dict[str, Any]]:
        """Every matching application, page after page (one call per page).

        Takes the filters of :meth:`list_applications`. If applications are added or removed while
        it runs, pages shift as they would on the web table.
        """
        page = 1
        while True:
            result = self.list_applications(outcome=outcome, q=q, sort=sort, page=page, per_page=per_page)
            yield from result["items"]
            if page >= result["pageCount"] or not result["items"]:
                return
            page += 1

    def get_application(self, application_id: int) -> Dict[str, Any]:
        """One application with its timeline, notes, job description and rejection (``GET /applications/{id}``)."""
        return self.request("GET", f"/applications/{int(application_id)}")

    def create_application(self, company: str, role: str, *, location: Optional[str] = None,
                           url: Optional[str] = None, source: Optional[str] = None,
                           job_description: Optional[str] = None, salary: Optional[str] = None,
                           notes: Optional[str] = None, excitement: Optional[int] = None,
                           applied_on: Optional[Day] = None, stage: Optional[str] = None) -> Dict[str, Any]:
        """Adds an application (``POST /applications``, needs a write token) and returns it as saved.

        :param excitement: 1 to 5.
        :param applied_on: the day it was sent (``YYYY-MM-DD`` or a ``date``).
        :param stage: where it stands (one of :data:`STAGES`).
        :param source: where you found it (e.g. ``"job-board"``, ``"referral"``, ``"company-site"``).
        """
        return self.request("POST", "/applications", body=_body(
            company=company, role=role, location=location, url=url, source=source,
            jobDescription=job_description, salary=salary, notes=notes, excitement=excitement,
            appliedOn=_day(applied_on), stage=stage))

    _CHANGEABLE = {"company": "company", "role": "role", "location": "location", "url": "url",
                   "source": "source", "job_description": "jobDescription", "salary": "salary",
                   "notes": "notes", "excitement": "excitement", "applied_on": "appliedOn"}

    def update_application(self, application_id: int, **changes: Any) -> Dict[str, Any]:
        """Changes an application's details (``PATCH /applications/{id}``, needs a write token).

        Pass only what changes, by the names of :meth:`create_application`
        (``company``, ``role``, ``location``, ``url``, ``source``, ``job_description``,
        ``salary``, ``notes``, ``excitement``, ``applied_on``); fields left out stay as they are.
        The stage changes with :meth:`move_application`, the outcome with :meth:`reject_application`,
        :meth:`close_application` and :meth:`reopen_application`. Returns the application as saved.
        """
        unknown = sorted(set(changes) - set(self._CHANGEABLE))
        if unknown:
            raise TypeError(f"update_application() can't change {', '.join(unknown)}; "
                            f"it changes {', '.join(self._CHANGEABLE)}")
        body = {self._CHANGEABLE[name]: (_day(value) if name == "applied_on" else value)
                for name, value in changes.items() if value is not None}
        return self.request("PATCH", f"/applications/{int(application_id)}", body=body)

    def delete_application(self, application_id: int) -> None:
        """Deletes an application with its timeline and rejection (``DELETE /applications/{id}``, write token)."""
        self.request("DELETE", f"/applications/{int(application_id)}")

    def move_application(self, application_id: int, stage: str, on: Optional[Day] = None) -> Dict[str, Any]:
        """Moves an open application to another stage (``POST /applications/{id}/move``, write token).

        :param stage: one of :data:`STAGES`.
        :param on: the day it happened; today when left out.
        :returns: the application after the move, with the new event on its timeline.
        """
        return self.request("POST", f"/applications/{int(application_id)}/move",
                            body=_body(stage=stage, on=_day(on)))

    def reject_application(self, application_id: int, *, category: Optional[str] = None,
                           reason: Optional[str] = None, on: Optional[Day] = None,
                           stage_reached: Optional[str] = None, controllable: Optional[str] = None,
                           feelings: Optional[Sequence[str]] = None,
                           intensity: Optional[int] = None) -> Dict[str, Any]:
        """Logs a rejection with its reason, as the guided flow does (``POST /applications/{id}/reject``, write token).

        :param category: a rejection category (see ``nextyes reject --help``); read from the
            reason when left out.
        :param reason: what they said, in their words.
        :param on: the day it came; today when left out.
        :param stage_reached: the stage it reached (one of :data:`STAGES`); its current stage when left out.
        :param controllable: ``"yes"``, ``"partly"`` or ``"no"``: whether it was in your hands.
        :param feelings: a few words for how it felt.
        :param intensity: how hard it hit, 1 to 10.
        :returns: the application, now rejected, with its ``rejection``.
        """
        return self.request("POST", f"/applications/{int(application_id)}/reject", body=_body(
            category=category, reason=reason, on=_day(on), stageReached=stage_reached,
            controllable=controllable, feelings=list(feelings) if feelings is not None else None,
            intensity=intensity))

    def close_application(self, application_id: int, outcome: str = "ghosted",
                          on: Optional[Day] = None) -> Dict[str, Any]:
        """Marks an application as ghosted (no reply) or withdrawn (``POST /applications/{id}/close``, write token).

        :param outcome: ``"ghosted"`` or ``"withdrawn"`` (the API's ``as``).
        :param on: the day; today when left out.
        """
        return self.request("POST", f"/applications/{int(application_id)}/close",
                            body=_body(**{"as": outcome, "on": _day(on)}))

    def reopen_application(self, application_id: int, on: Optional[Day] = None) -> Dict[str, Any]:
        """Reopens a ghosted, withdrawn, declined or rejected application (``POST /applications/{id}/reopen``, write token)."""
        return self.request("POST", f"/applications/{int(application_id)}/reopen", body=_body(on=_day(on)))

    # Learning
    def list_feedback(self, application_id: int) -> List[Dict[str, Any]]:
        """The feedback recorded for an application, oldest first, each with its themes (``GET /applications/{id}/feedback``)."""
        return self.request("GET", f"/applications/{int(application_id)}/feedback")

    def record_feedback(self, application_id: int, text: str, received_on: Optional[Day] = None) -> Dict[str, Any]:
        """Records feedback an employer gave; it is read for themes at once (``POST /applications/{id}/feedback``, write token).

        :param received_on: the day it came; today when left out.
        :returns: the feedback as saved, with ``themes``.
        """
        return self.request("POST", f"/applications/{int(application_id)}/feedback",
                            body=_body(text=text, receivedOn=_day(received_on)))

    def list_timeline(self, application_id: int) -> List[Dict[str, Any]]:
        """An application's timeline, oldest first (``GET /applications/{id}/timeline``)."""
        return self.request("GET", f"/applications/{int(application_id)}/timeline")

    def list_feedback_requests(self, application_id: int) -> List[Dict[str, Any]]:
        """The feedback requests sent for an application, with their state (``GET /applications/{id}/feedback-requests``)."""
        return self.request("GET", f"/applications/{int(application_id)}/feedback-requests")

    def get_reflection(self, application_id: int) -> Dict[str, Any]:
        """The reflection written after a rejection; its fields are null when there is none yet (``GET /applications/{id}/reflection``)."""
        return self.request("GET", f"/applications/{int(application_id)}/reflection")

    def list_application_interviews(self, application_id: int) -> List[Dict[str, Any]]:
        """An application's interview rounds (``GET /applications/{id}/interviews``)."""
        return self.request("GET", f"/applications/{int(application_id)}/interviews")

    def add_interview(self, application_id: int, on: Day, *, time: Optional[str] = None,
                      type: Optional[str] = None, interviewer_ids: Optional[Sequence[int]] = None,
                      notes: Optional[str] = None) -> Dict[str, Any]:
        """Adds an interview round (``POST /applications/{id}/interviews``, write token); the
        application moves to interview if it was at an earlier stage.

        :param on: the day of the interview.
        :param time: the time of day, e.g. ``"14:30"``.
        :param type: what kind of round (see ``nextyes interviews add --help``).
        :param interviewer_ids: contacts' ids of the interviewers.
        """
        return self.request("POST", f"/applications/{int(application_id)}/interviews", body=_body(
            on=_day(on), time=time, type=type,
            interviewerIDs=list(interviewer_ids) if interviewer_ids is not None else None, notes=notes))

    def list_interviews(self) -> List[Dict[str, Any]]:
        """Every interview round (``GET /interviews``)."""
        return self.request("GET", "/interviews")

    def list_rejections(self) -> List[Dict[str, Any]]:
        """Every rejection, latest first, each as ``{"applicationID", "title", "rejection"}`` (``GET /rejections``)."""
        return self.request("GET", "/rejections")

    def insights(self) -> Dict[str, Any]:
        """Patterns across the search (``GET /insights``): the same object as ``nextyes insights --json``.

        Its ``summary`` holds the headline counts: ``applications``, ``heardBack``,
        ``interviews``, ``offers``, ``rejections``, ``ghosted`` and the ``funnel``.
        """
        return self.request("GET", "/insights")

    def report(self, start: Optional[Day] = None, end: Optional[Day] = None) -> Dict[str, Any]:
        """The career report as JSON (``GET /report``): the same object as ``nextyes report --format json``.

        :param start: the first day of the period (the API's ``from``).
        :param end: the last day of the period (the API's ``to``).
        """
        return self.request("GET", "/report", query={"from": _day(start), "to": _day(end)})

    def extract_skills(self, text: str) -> Dict[str, Any]:
        """The skills a text (a job posting) asks for, with where each was found (``POST /skills/extract``).

        Reads only, so a read token will do. The same object as ``nextyes skills extract --json``.
        """
        return self.request("POST", "/skills/extract", body={"text": text})

    def skill_demand(self) -> List[Dict[str, Any]]:
        """The skills your postings ask for, by how many ask, and which are in your profile (``GET /skills/demand``)."""
        return self.request("GET", "/skills/demand")

    # Momentum
    def goals(self) -> List[Dict[str, Any]]:
        """The development plan's goals, active first (``GET /plan/goals``)."""
        return self.request("GET", "/plan/goals")

    def add_goal(self, title: str, action: str, measure: str, deadline: Day, weekly_hours: int, *,
                 focus: Optional[str] = None, focus_name: Optional[str] = None) -> Dict[str, Any]:
        """Adds a goal to the development plan (``POST /plan/goals``, write token).

        :param action: ``"course"``, ``"project"``, ``"practice"`` or ``"mentor-conversation"``.
        :param measure: how you'll know it's done.
        :param weekly_hours: hours a week, 1 to 40.
        :param focus: the skill's key (e.g. ``"onet-tech:python"``), with ``focus_name`` its name.
        """
        return self.request("POST", "/plan/goals", body=_body(
            title=title, action=action, measure=measure, deadline=_day(deadline), weeklyHours=weekly_hours,
            focus=focus, focusName=focus_name))

    def targets(self) -> Dict[str, Any]:
        """The weekly targets, the suggested ones until you set your own (``GET /targets``)."""
        return self.request("GET", "/targets")

    def set_targets(self, applications: int, conversations: int, skill_hours: float) -> Dict[str, Any]:
        """Sets the weekly targets (``PUT /targets``, write token): applications, conversations and skill hours a week."""
        return self.request("PUT", "/targets", body={
            "applications": applications, "conversations": conversations, "skillHours": skill_hours})

    def progress(self) -> Dict[str, Any]:
        """This week against the weekly targets, and the weeks before (``GET /progress``)."""
        return self.request("GET", "/progress")

    def agenda(self, days: Optional[int] = None) -> List[Dict[str, Any]]:
        """What is due in date order: interviews, follow-ups, reconnects, deadlines (``GET /agenda``).

        :param days: how many days ahead, 1 to 366 (the server's default is 14).
        """
        return self.request("GET", "/agenda", query={"days": days})

    def contacts(self) -> List[Dict[str, Any]]:
        """The people in the search, by name (``GET /contacts``)."""
        return self.request("GET", "/contacts")

    def create_contact(self, name: str, *, role: Optional[str] = None, company: Optional[str] = None,
                       email: Optional[str] = None, profile_url: Optional[str] = None,
                       notes: Optional[str] = None) -> Dict[str, Any]:
        """Adds a contact (``POST /contacts``, write token).

        :param role: how they fit in your search: recruiter, hiring-manager, interviewer, referrer,
            mentor, coach or peer.
        """
        return self.request("POST", "/contacts", body=_body(
            name=name, role=role, company=company, email=email, profileURL=profile_url, notes=notes))

    def get_contact(self, contact_id: int) -> Dict[str, Any]:
        """One contact with the conversations logged (``GET /contacts/{contactId}``)."""
        return self.request("GET", f"/contacts/{int(contact_id)}")

    def log_conversation(self, contact_id: int, kind: str, on: Optional[Day] = None,
                         note: Optional[str] = None) -> Dict[str, Any]:
        """Logs a conversation with a contact (``POST /contacts/{contactId}/conversations``, write token).

        :param kind: what it was, e.g. ``"coffee-chat"`` (see ``nextyes contacts log --help``).
        :param on: the day; today when left out.
        """
        return self.request("POST", f"/contacts/{int(contact_id)}/conversations",
                            body=_body(kind=kind, on=_day(on), note=note))

    # Care
    def list_journal(self, days: Optional[int] = None) -> List[Dict[str, Any]]:
        """Journal entries of the last days, latest first (``GET /journal``).

        :param days: how many days back, 1 to 3660 (the server's default is 30).
        """
        return self.request("GET", "/journal", query={"days": days})

    def add_journal_entry(self, text: str, mood: Optional[int] = None,
                          emotions: Optional[Sequence[str]] = None, on: Optional[Day] = None) -> Dict[str, Any]:
        """Writes a journal entry (``POST /journal``, write token).

        :param mood: 1 to 10.
        :param emotions: a few words for how you feel.
        :param on: the day it is about; today when left out.
        :returns: ``{"entry": {...}}``, and ``"support"`` (a card with helplines) before it when
            the words call for it: show that first.
        """
        return self.request("POST", "/journal", body=_body(
            text=text, mood=mood, emotions=list(emotions) if emotions is not None else None, on=_day(on)))

    def wins(self) -> List[Dict[str, Any]]:
        """Wins along the way, latest first (``GET /wins``)."""
        return self.request("GET", "/wins")

    def add_win(self, title: str, on: Optional[Day] = None) -> Dict[str, Any]:
        """Notes a win of your own, however small (``POST /wins``, write token)."""
        return self.request("POST", "/wins", body=_body(title=title, on=_day(on)))

    # Data
    def export(self) -> Dict[str, Any]:
        """Everything, as the backup file ``nextyes export --format json`` writes (``GET /export``)."""
        return self.request("GET", "/export")

    def restore(self, backup: Dict[str, Any]) -> Dict[str, Any]:
        """Restores a backup (what :meth:`export` returns) into an empty NextYes (``POST /restore``,
        write token). It never overwrites a search: with applications already there it is refused."""
        return self.request("POST", "/restore", body=backup)

    def openapi_document(self) -> Dict[str, Any]:
        """The API's own OpenAPI document (``GET /openapi.json``; needs no token)."""
        return self.request("GET", "/openapi.json", authenticate=False)
