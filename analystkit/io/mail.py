"""Readers of e-mail: one ``.eml`` message, or a ``.mbox`` mailbox of many.

A message is an article: subject → title, ``Date`` → published, ``From`` → author (the
display name, else the address). Its text is the ``text/plain`` body, else the HTML body
reduced to text (:func:`~analystkit.io.readers.html_to_text`). Attachments are listed in
the article's ``attachments`` column; the readable ones (PDF, Word, text, Markdown,
HTML, a forwarded message) are loaded as articles of their own, with ids made from the
message's (``<message id>--<attachment name>``); the others get a ``skipped`` row in the
load report saying why. In a mailbox each message is a part (``message 3``).
"""

from __future__ import annotations

import email
import email.policy
import email.utils
from email.message import EmailMessage
from pathlib import Path

from ..errors import Errors
from .readers import Problem, RawArticle, ReadContext, html_to_text

#: Attachment types loaded as articles (by file-name extension).
READABLE_ATTACHMENTS = (".pdf", ".docx", ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".eml")


def read_eml(data: bytes, context: ReadContext | None = None) -> tuple[list[RawArticle], list[Problem]]:
    """One e-mail message (and its readable attachments) from an ``.eml`` file."""
    try:
        message = email.message_from_bytes(data, policy=email.policy.default)
    except Exception as error:  # noqa: BLE001 - the parser is lenient; this is a last resort
        return [], [Problem("", Errors.AK087.format(detail=f"{type(error).__name__}: {str(error)[:200]}"))]
    if not any(message.get(name) for name in ("subject", "from", "date", "to", "message-id")):
        return [], [Problem("", Errors.AK087.format(detail="no e-mail headers (From, Subject, Date) at the top"))]
    return _message(message, "", context or ReadContext())


def read_mbox(data: bytes, context: ReadContext | None = None) -> tuple[list[RawArticle], list[Problem]]:
    """Every message of an ``.mbox`` mailbox (part ``message N``), with their attachments."""
    import mailbox

    context = context or ReadContext()
    if context.path is None:  # pragma: no cover - the loader always passes the path
        return [], [Problem("", Errors.AK087.format(detail="no path to read the mailbox from"))]
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    try:
        box = mailbox.mbox(Path(context.path), factory=lambda handle: email.message_from_binary_file(handle, policy=email.policy.default), create=False)
        messages = list(box)
    except Exception as error:  # noqa: BLE001
        return [], [Problem("", Errors.AK087.format(detail=f"{type(error).__name__}: {str(error)[:200]}"))]
    if not messages:
        return [], [Problem("", Errors.AK087.format(detail="no message found: an mbox starts each message with a 'From ' line"))]
    for number, message in enumerate(messages, start=1):
        try:
            got, bad = _message(message, f"message {number}", context)
        except Exception as error:  # noqa: BLE001 - one bad message costs that message only
            got, bad = [], [Problem(f"message {number}", Errors.AK087.format(detail=f"{type(error).__name__}: {str(error)[:200]}"))]
        articles.extend(got)
        problems.extend(bad)
    return articles, problems


def _message(message: EmailMessage, part: str, context: ReadContext) -> tuple[list[RawArticle], list[Problem]]:
    meta: dict = {}
    subject = _header(message, "subject")
    if subject:
        meta["title"] = subject
    date = _header(message, "date")
    if date:
        meta["published"] = date
    sender = _header(message, "from")
    if sender:
        name, address = email.utils.parseaddr(sender)
        meta["author"] = name or address or sender
    text = _body_text(message)
    attachments: list[str] = []
    articles: list[RawArticle] = []
    problems: list[Problem] = []
    for index, attachment in enumerate(message.iter_attachments(), start=1):
        name = attachment.get_filename() or ""
        if not name and attachment.get_content_type() == "message/rfc822":
            name = f"forwarded-{index}.eml"
        name = name or f"attachment-{index}"
        attachments.append(name)
        where = f"{part}, attachment {name}" if part else f"attachment {name}"
        got, bad = _attachment(attachment, name, where, part, context)
        for article in got:
            article.meta.setdefault("published", meta.get("published"))
        articles.extend(got)
        problems.extend(bad)
    if attachments:
        meta["attachments"] = "; ".join(attachments)
    if text.strip():
        articles.insert(0, RawArticle(text=text, meta=meta, part=part, has_header=True))
    else:
        problems.insert(0, Problem(part, "the e-mail has no text body" + (" (its readable attachments are loaded on their own)" if articles else ""), status="skipped" if articles else "failed"))
    return articles, problems


def _header(message: EmailMessage, name: str) -> str:
    try:
        value = message.get(name)
        return " ".join(str(value).split()) if value is not None else ""
    except Exception:  # noqa: BLE001 - a malformed encoded word
        raw = message.get_all(name, failobj=[]) if hasattr(message, "get_all") else []
        return " ".join(str(raw[0]).split()) if raw else ""


def _body_text(message: EmailMessage) -> str:
    """The text/plain body, else the HTML body as text ('' when there is neither)."""
    try:
        body = message.get_body(preferencelist=("plain", "html"))
    except Exception:  # noqa: BLE001
        body = None
    if body is None:
        return ""
    try:
        content = body.get_content()
    except Exception:  # noqa: BLE001 - an unknown charset: decode the bytes as the loader would
        from .loader import decode

        payload = body.get_payload(decode=True) or b""
        content = decode(payload)[0] or ""
    if not isinstance(content, str):
        return ""
    if body.get_content_subtype() == "html":
        return html_to_text(content)
    return content


def _attachment(part: EmailMessage, name: str, where: str, parent: str, context: ReadContext) -> tuple[list[RawArticle], list[Problem]]:
    """An attachment read as articles (part ``where``), or a problem saying why it is not."""
    from .readers import BYTES_READERS, reader_for

    suffix = Path(name).suffix.lower()
    if part.get_content_type() == "message/rfc822":
        inner = part.get_content()
        data = inner.as_bytes() if hasattr(inner, "as_bytes") else b""
        suffix = ".eml"
    else:
        data = part.get_payload(decode=True) or b""
    if suffix not in READABLE_ATTACHMENTS:
        kind = part.get_content_type()
        return [], [Problem(where, f"attachment of type {kind} ({suffix or 'no extension'}): not a format the kit reads as text, not loaded", status="skipped")]
    if not data.strip():
        return [], [Problem(where, "empty attachment", status="skipped")]
    if suffix in BYTES_READERS:
        got, bad = BYTES_READERS[suffix](data, ReadContext(name=name, fetch=context.fetch, fetcher=context.fetcher))
    else:
        from .loader import clean_text, decode

        text, caveat = None, ""
        if part.get_content_maintype() == "text" and part.get_param("charset"):
            try:  # the charset the message declares
                text = part.get_content()
            except (LookupError, UnicodeError, ValueError, TypeError):
                text = None
        if not isinstance(text, str):
            text, _, caveat = decode(data)
        if text is None:
            return [], [Problem(where, f"attachment {caveat}")]
        reader = reader_for(Path(name))
        got, bad = reader(clean_text(text)[0])
        for article in got:
            if caveat:
                article.notes.append(caveat)
    if suffix == ".eml":  # a forwarded message: its own attachments are not followed further
        got = [a for a in got if a.attachment_of is None]
        bad = [b for b in bad if not b.part]
    for article in got:
        article.part = where
        article.attachment_of = parent
        article.attachment = name
    return got, [Problem(where, p.reason, p.status) for p in bad]


__all__ = ["READABLE_ATTACHMENTS", "read_eml", "read_mbox"]
