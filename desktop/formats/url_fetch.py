"""Fetching an article from a web address with the standard library's urllib: http and
https only (a redirect to another scheme is refused), a timeout, a size limit that
stops the download, and a few redirects at most. Qt-free: the window runs it in a
background thread, ``article-lens extract URL`` in its own."""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from desktop.core.article import has_scheme  # noqa: F401 - re-exported: a path or an address
from desktop.formats.errors import FileFormatError, shortened

#: Larger downloads are stopped at this many bytes and refused.
MAX_URL_BYTES = 50 * 2**20
#: How long a server may stay silent (to connect, or between two parts of the answer).
TIMEOUT_SECONDS = 20.0
#: How long a whole download may take, however steadily the server sends.
TOTAL_SECONDS = 120.0
#: Redirects followed at most (the next one is refused).
MAX_REDIRECTS = 5
#: Bytes read at a time (progress and Cancel are looked at between two reads).
CHUNK_BYTES = 64 * 1024
SCHEMES = ("http", "https")
#: What servers are told they talk to.
USER_AGENT = "Mozilla/5.0 (compatible; ArticleLens/{version}; +reading one article)"
_HOST_LIKE = re.compile(r"[\w-]+(\.[\w-]+)+(:\d+)?(/|$)", re.UNICODE)
_SAFE_PATH = "/%:@!$&'()*+,;=-._~"
_SAFE_QUERY = _SAFE_PATH + "?"


class UrlError(FileFormatError):
    """A web address that cannot be read; ``str(error)`` says why in plain words."""


class FetchCancelled(UrlError):
    """The download was cancelled (``should_stop`` turned true)."""

    def __init__(self, url: str = "") -> None:
        super().__init__(f"The download of {_short(url)} was cancelled.")


@dataclass(frozen=True)
class Fetched:
    """What a server sent: ``url`` is the address it came from after any redirects."""

    url: str
    data: bytes
    content_type: str = ""


def web_address(text: str, *, bare_host: bool = False) -> str:
    """``text`` as an http(s) address ready to fetch (a non-ASCII host in IDNA, other
    non-ASCII characters percent-encoded). ``bare_host``: "example.com/news" (no scheme)
    is taken as https. UrlError for any other scheme, or no host."""
    text = text.strip()
    if bare_host and "://" not in text and _HOST_LIKE.match(text):
        text = "https://" + text
    try:
        parts = urlsplit(text)
        port = parts.port  # ValueError when it is not a number
    except ValueError:
        raise UrlError(f"{_short(text)} is not a web address that can be opened.") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        what = f"a {scheme}: address" if scheme else "not a web address"
        raise UrlError(f"{_short(text)} is {what}: only http:// and https:// addresses can be opened.")
    if not parts.hostname:
        raise UrlError(f"{_short(text)} names no server: an address looks like https://example.com/news/story.")
    try:
        host = parts.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise UrlError(f"{_short(text)} has a server name that is not valid.") from None
    if ":" in host:  # an IPv6 address
        host = f"[{host}]"
    netloc = host + (f":{port}" if port is not None else "")
    if parts.username:  # user:password@ is kept as written
        netloc = parts.netloc.rsplit("@", 1)[0] + "@" + netloc
    return urlunsplit((scheme, netloc, quote(parts.path, safe=_SAFE_PATH) or "/",
                       quote(parts.query, safe=_SAFE_QUERY), ""))


def fetch(url: str, *, timeout: float = TIMEOUT_SECONDS, total: float = TOTAL_SECONDS,
          limit: int = MAX_URL_BYTES, redirects: int = MAX_REDIRECTS,
          should_stop: Callable[[], bool] = lambda: False,
          progress: Callable[[int, int], None] | None = None) -> Fetched:
    """The bytes at ``url`` (see :func:`web_address`). ``progress(received, size)`` is
    called as parts arrive (``size`` -1 when the server does not say); ``should_stop()``
    is asked between parts and FetchCancelled raised when it turns true. UrlError,
    naming the address, when it is not http(s), cannot be reached, answers with an
    error, stays silent for ``timeout`` seconds, takes over ``total`` seconds, sends
    more than ``limit`` bytes, or redirects more than ``redirects`` times or to an
    address that is not http(s)."""
    import http.client
    import ssl
    import urllib.error

    url = web_address(url)
    opener = _opener(redirects)
    request = _request(url)
    started = time.monotonic()
    try:
        with opener.open(request, timeout=timeout) as response:
            final = response.geturl()
            content_type = response.headers.get("Content-Type", "")
            size = _declared_size(response.headers.get("Content-Length"))
            if size > limit:
                raise _too_large(url, limit, size)
            data = _read(response, url, limit, size, started, total, should_stop, progress)
    except UrlError:
        raise
    except urllib.error.HTTPError as error:
        error.close()
        raise UrlError(f"{_short(url)} could not be opened: the server answered "
                       f"{error.code} {_reason(error.code, error.reason)}.") from None
    except urllib.error.URLError as error:
        raise _unreachable(url, error.reason, timeout) from None
    except TimeoutError:
        raise _silent(url, timeout) from None
    except ssl.SSLError as error:
        raise UrlError(f"{_short(url)} could not be opened securely ({error.reason or error}).") from None
    except (http.client.HTTPException, ConnectionError) as error:
        raise UrlError(f"{_short(url)} could not be read: the connection ended before the page "
                       f"was sent ({type(error).__name__}).") from None
    except OSError as error:
        raise _unreachable(url, error, timeout) from None
    except ValueError as error:  # a malformed answer or address http.client refuses
        raise UrlError(f"{_short(url)} could not be read ({error}).") from None
    return Fetched(final, data, content_type)


def _read(response, url: str, limit: int, size: int, started: float, total: float,
          should_stop: Callable[[], bool], progress: Callable[[int, int], None] | None) -> bytes:
    parts: list[bytes] = []
    received = 0
    while True:
        if should_stop():
            raise FetchCancelled(url)
        part = response.read(min(CHUNK_BYTES, limit + 1 - received))
        if not part:
            break
        parts.append(part)
        received += len(part)
        if received > limit:  # stop reading: the rest is never downloaded
            raise _too_large(url, limit, None)
        if time.monotonic() - started > total:
            raise UrlError(f"{_short(url)} took over {total:.0f} seconds to download; "
                           "it was stopped.")
        if progress is not None:
            progress(received, size)
    if should_stop():
        raise FetchCancelled(url)
    return b"".join(parts)


def _opener(redirects: int):
    """An opener for http and https only (no file:, ftp: or data: handler), following
    at most ``redirects`` redirects, each to http or https."""
    import urllib.request

    class Redirects(urllib.request.HTTPRedirectHandler):
        max_redirections = max_repeats = redirects + 1  # counted below, with a clear message

        def http_error_302(self, request, answer, code, message, headers):
            location = headers.get("Location") or headers.get("URI") or ""
            target = urljoin(request.full_url, location.strip())
            if location and urlsplit(target).scheme.lower() not in SCHEMES:
                answer.close()
                raise UrlError(f"{_short(request.full_url)} redirects to {_short(target)}, which is not "
                               "a web address: only http:// and https:// addresses are followed.")
            if sum(getattr(request, "redirect_dict", {}).values()) >= redirects:
                answer.close()
                raise UrlError(f"{_short(request.full_url)} redirects too many times (more than "
                               f"{redirects}); it may be a redirect loop.")
            return super().http_error_302(request, answer, code, message, headers)

        http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302

    opener = urllib.request.OpenerDirector()
    for handler in (urllib.request.ProxyHandler(), urllib.request.HTTPHandler(),
                    urllib.request.HTTPSHandler(context=_tls_context()), Redirects(),
                    urllib.request.HTTPDefaultErrorHandler(), urllib.request.HTTPErrorProcessor()):
        opener.add_handler(handler)
    return opener


def _request(url: str):
    import urllib.request

    from desktop import __version__

    return urllib.request.Request(url, headers={
        "User-Agent": USER_AGENT.format(version=__version__),
        "Accept": "text/html,application/xhtml+xml,application/pdf,"
                  "application/vnd.openxmlformats-officedocument.wordprocessingml.document,"
                  "text/plain;q=0.9,*/*;q=0.5",
        "Accept-Encoding": "identity"})


def _tls_context():
    """The system's certificates, and certifi's where it is installed (a bundled app
    may find none of the system's)."""
    import ssl

    context = ssl.create_default_context()
    try:
        import certifi
    except ImportError:
        return context
    try:
        context.load_verify_locations(cafile=certifi.where())
    except (OSError, ssl.SSLError):
        pass
    return context


def _declared_size(value: str | None) -> int:
    try:
        return int(value) if value is not None and int(value) >= 0 else -1
    except ValueError:
        return -1


def _too_large(url: str, limit: int, size: int | None) -> UrlError:
    most = f"{limit / 2**20:.0f} MB"
    over = f"is {size / 2**20:.0f} MB" if size is not None and size >= 2**20 else f"is over {most}"
    return UrlError(f"{_short(url)} {over}; pages and documents up to {most} can be opened.")


def _silent(url: str, timeout: float) -> UrlError:
    return UrlError(f"{_short(url)} did not answer within {timeout:g} seconds; "
                    "the server may be down or slow. Try again later.")


def _unreachable(url: str, reason: object, timeout: float) -> UrlError:
    import socket

    if isinstance(reason, (socket.timeout, TimeoutError)):
        return _silent(url, timeout)
    if isinstance(reason, socket.gaierror):
        host = urlsplit(url).hostname or url
        return UrlError(f"{_short(url)} could not be reached: no server named {host} was found "
                        "(check the address and the network connection).")
    if isinstance(reason, ConnectionRefusedError):
        return UrlError(f"{_short(url)} could not be reached: the server refused the connection.")
    import ssl

    if isinstance(reason, ssl.SSLCertVerificationError):
        return UrlError(f"{_short(url)} could not be opened securely: its certificate could not be "
                        f"verified ({reason.verify_message}).")
    text = getattr(reason, "strerror", None) or str(reason)
    return UrlError(f"{_short(url)} could not be reached: {text}.")


def _reason(code: int, given: object) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(code).phrase
    except ValueError:
        return shortened(str(given or ""), 60)


def _short(url: str) -> str:
    return shortened(url, 120)
