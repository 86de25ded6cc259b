#!/usr/bin/env python3
"""Drives headless Chromium through Arkisto's web app and checks the rendered DOM.

    python3 tools/browser_test.py --base http://127.0.0.1:PORT --devtools ws://127.0.0.1:N/devtools/browser/…
                                  --user NAME --password PW [--out out/browser] [--chromium chromium]
                                  [--token TOKEN]

Run by tools/browser-test, which builds arkisto, imports Samples/, creates the user, starts
`arkisto serve` and a headless Chromium with a DevTools port, and kills both afterwards. This
script speaks the DevTools protocol over a small WebSocket client of its own (Python's standard
library only): it types into the login form and clicks the button like a person, searches, follows
the first hit to its message and the message's customer link to the customer's page, and at each
page reads `document.documentElement.outerHTML` (the DOM as Chromium built it) and saves a PNG
screenshot and the DOM next to it. It also runs `chromium --headless --dump-dom` on pages reached
with the signed-in session (through a loopback proxy that adds the session cookie, since
--dump-dom takes no cookie) and signed out. Prints PASS/FAIL per step; exits 1 on any failure.
"""
import argparse, base64, collections, hashlib, html.parser, http.client, http.server, json, os, re
import shutil, signal, socket, struct, subprocess, sys, tempfile, threading, time, urllib.parse

SEARCH_WORD = "lasku"                          # Samples/ hold it as puhelinlaskusta, laskun, laskussa, …
HOSTILE = "<script>alert(1)</script>"
MALFORMED = "(lasku"                           # unclosed parenthesis
EVERYTHING = "date:2024..2026"                 # every interaction of Samples/
KINDS = {"email", "support", "call"}


# ---------------------------------------------------------------------------------------------
# A WebSocket client (RFC 6455), enough for the DevTools protocol: text frames, fragmentation,
# 64-bit lengths (screenshots are megabytes of base64), ping/pong, close.

class WebSocket:
    GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"

    def __init__(self, url, timeout=30):
        parts = urllib.parse.urlsplit(url)
        self.sock = socket.create_connection((parts.hostname, parts.port or 80), timeout=timeout)
        key = base64.b64encode(os.urandom(16)).decode()
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        request = (f"GET {path} HTTP/1.1\r\nHost: {parts.hostname}:{parts.port}\r\nUpgrade: websocket\r\n"
                   f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n")
        self.sock.sendall(request.encode())
        self.buffer = b""
        while b"\r\n\r\n" not in self.buffer:
            chunk = self.sock.recv(4096)
            if not chunk:
                raise ConnectionError("DevTools closed the connection during the WebSocket handshake")
            self.buffer += chunk
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        lines = head.decode("latin-1").split("\r\n")
        if " 101 " not in lines[0] + " ":
            raise ConnectionError(f"WebSocket handshake refused: {lines[0]}")
        headers = {k.strip().lower(): v.strip() for k, v in (l.split(":", 1) for l in lines[1:] if ":" in l)}
        expected = base64.b64encode(hashlib.sha1((key + self.GUID).encode()).digest()).decode()
        if headers.get("sec-websocket-accept") != expected:
            raise ConnectionError("WebSocket handshake: wrong Sec-WebSocket-Accept")
        self.fragments = []

    def _send_frame(self, opcode, payload):
        header = bytes([0x80 | opcode])
        n = len(payload)
        if n < 126:
            header += bytes([0x80 | n])
        elif n < 1 << 16:
            header += bytes([0x80 | 126]) + struct.pack(">H", n)
        else:
            header += bytes([0x80 | 127]) + struct.pack(">Q", n)
        mask = os.urandom(4)
        masked = bytes(b ^ mask[i & 3] for i, b in enumerate(payload)) if n < 4096 else _xor(payload, mask)
        self.sock.sendall(header + mask + masked)

    def send(self, text):
        self._send_frame(0x1, text.encode())

    def _fill(self, n, deadline):
        while len(self.buffer) < n:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError
            self.sock.settimeout(remaining)
            try:
                chunk = self.sock.recv(1 << 20)
            except socket.timeout:
                raise TimeoutError
            if not chunk:
                raise ConnectionError("DevTools closed the connection")
            self.buffer += chunk

    def receive(self, timeout):
        """The next complete text message, or TimeoutError. Frames stay buffered across timeouts."""
        deadline = time.monotonic() + timeout
        while True:
            self._fill(2, deadline)
            b0, b1 = self.buffer[0], self.buffer[1]
            n, offset = b1 & 0x7F, 2
            if n == 126:
                self._fill(4, deadline)
                n, offset = struct.unpack(">H", self.buffer[2:4])[0], 4
            elif n == 127:
                self._fill(10, deadline)
                n, offset = struct.unpack(">Q", self.buffer[2:10])[0], 10
            if b1 & 0x80:
                offset += 4                                          # servers do not mask; tolerate it
            self._fill(offset + n, deadline)
            payload = self.buffer[offset:offset + n]
            if b1 & 0x80:
                payload = _xor(payload, self.buffer[offset - 4:offset])
            self.buffer = self.buffer[offset + n:]
            opcode, fin = b0 & 0x0F, b0 & 0x80
            if opcode == 0x9:
                self._send_frame(0xA, payload)
            elif opcode == 0x8:
                raise ConnectionError("DevTools closed the WebSocket")
            elif opcode in (0x0, 0x1, 0x2):
                self.fragments.append(payload)
                if fin:
                    message, self.fragments = b"".join(self.fragments), []
                    return message.decode()

    def close(self):
        try:
            self._send_frame(0x8, b"")
            self.sock.close()
        except OSError:
            pass


def _xor(data, mask):
    n = len(data)
    key = int.from_bytes((mask * (n // 4 + 1))[:n], "big")
    return (int.from_bytes(data, "big") ^ key).to_bytes(n, "big")


# ---------------------------------------------------------------------------------------------
# The DevTools protocol, flat sessions: one WebSocket to the browser, commands to a page by sessionId.

class CDPError(Exception):
    pass


class CDP:
    def __init__(self, url):
        self.ws = WebSocket(url)
        self.next_id = 0
        self.events = collections.deque()

    def call(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        self.ws.send(json.dumps(message))
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CDPError(f"{method}: no answer in {timeout} s")
            try:
                reply = json.loads(self.ws.receive(remaining))
            except TimeoutError:
                raise CDPError(f"{method}: no answer in {timeout} s")
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise CDPError(f"{method}: {reply['error'].get('message')}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method, session=None, timeout=30):
        for event in list(self.events):
            if event["method"] == method and event.get("sessionId") == session:
                self.events.remove(event)
                return event.get("params", {})
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CDPError(f"no {method} within {timeout} s")
            try:
                event = json.loads(self.ws.receive(remaining))
            except TimeoutError:
                raise CDPError(f"no {method} within {timeout} s")
            if event.get("method") == method and event.get("sessionId") == session:
                return event.get("params", {})
            if "method" in event:
                self.events.append(event)

    def wait_any(self, methods, session=None, timeout=30):
        """The first of the events named, as (method, params)."""
        for event in list(self.events):
            if event["method"] in methods and event.get("sessionId") == session:
                self.events.remove(event)
                return event["method"], event.get("params", {})
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise CDPError(f"none of {', '.join(methods)} within {timeout} s")
            try:
                event = json.loads(self.ws.receive(remaining))
            except TimeoutError:
                raise CDPError(f"none of {', '.join(methods)} within {timeout} s")
            if event.get("method") in methods and event.get("sessionId") == session:
                return event["method"], event.get("params", {})
            if "method" in event:
                self.events.append(event)

    def pump(self, seconds=0.2):
        """Reads events that arrive within `seconds` into the queue."""
        deadline = time.monotonic() + seconds
        while (remaining := deadline - time.monotonic()) > 0:
            try:
                event = json.loads(self.ws.receive(remaining))
            except TimeoutError:
                return
            if "method" in event:
                self.events.append(event)

    def take(self, method, session):
        taken = [e["params"] for e in self.events if e["method"] == method and e.get("sessionId") == session]
        for event in [e for e in self.events if e["method"] == method and e.get("sessionId") == session]:
            self.events.remove(event)
        return taken


class Page:
    """One tab in its own browser context (its own cookie jar), 1280x900."""

    def __init__(self, cdp, out):
        self.cdp, self.out = cdp, out
        self.context = cdp.call("Target.createBrowserContext", {"disposeOnDetach": True})["browserContextId"]
        target = cdp.call("Target.createTarget", {"url": "about:blank", "browserContextId": self.context})
        self.target = target["targetId"]
        self.session = cdp.call("Target.attachToTarget", {"targetId": self.target, "flatten": True})["sessionId"]
        for domain in ("Page.enable", "Network.enable", "Runtime.enable"):
            self.call(domain)
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        self.documents = []                          # (url, status) of every document response, redirects too
        self.dialogs = []

    def call(self, method, params=None, timeout=30):
        return self.cdp.call(method, params, session=self.session, timeout=timeout)

    def _collect(self):
        self.cdp.pump(0.1)
        for sent in self.cdp.take("Network.requestWillBeSent", self.session):
            if sent.get("redirectResponse") and sent.get("type") == "Document":
                self.documents.append((sent["redirectResponse"]["url"], sent["redirectResponse"]["status"]))
        for received in self.cdp.take("Network.responseReceived", self.session):
            if received.get("type") == "Document":
                self.documents.append((received["response"]["url"], received["response"]["status"]))
        for event in self.cdp.take("Page.javascriptDialogOpening", self.session):
            self.dialogs.append(event)
        self.cdp.take("Page.loadEventFired", self.session)

    def _begin(self):
        self._collect()
        self.documents = []

    def _finish(self, timeout=30):
        """Waits for the page's load event; a JavaScript dialog (which would block it) is recorded and
        dismissed."""
        deadline = time.monotonic() + timeout
        while True:
            method, params = self.cdp.wait_any(("Page.loadEventFired", "Page.javascriptDialogOpening"),
                                               self.session, max(deadline - time.monotonic(), 0.1))
            if method == "Page.loadEventFired":
                break
            self.dialogs.append(params)
            self.call("Page.handleJavaScriptDialog", {"accept": False})
        self._collect()

    def goto(self, url):
        self._begin()
        result = self.call("Page.navigate", {"url": url})
        if result.get("errorText"):
            raise CDPError(f"navigating to {url}: {result['errorText']}")
        self._finish()

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise CDPError(f"evaluating {expression!r}: {result['exceptionDetails'].get('text')}")
        return result["result"].get("value")

    def type_into(self, selector, text):
        """Focuses the field and types the text as keyboard input (Input.insertText)."""
        found = self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); "
                              f"if (!e) return false; e.focus(); e.select && e.select(); return true; }})()")
        if not found:
            raise CDPError(f"no {selector} to type into")
        self.call("Input.insertText", {"text": text})

    def click(self, selector, navigates=True):
        """Clicks the middle of the element with the mouse, as a person would."""
        box = self.evaluate(f"(() => {{ const e = document.querySelector({json.dumps(selector)}); "
                            f"if (!e) return null; e.scrollIntoView({{block: 'center'}}); "
                            f"const r = e.getBoundingClientRect(); "
                            f"return [r.left + r.width / 2, r.top + r.height / 2, r.width, r.height]; }})()")
        if not box:
            raise CDPError(f"no {selector} to click")
        if box[2] <= 0 or box[3] <= 0:
            raise CDPError(f"{selector} is not visible (size {box[2]}x{box[3]})")
        if navigates:
            self._begin()
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent",
                      {"type": kind, "x": box[0], "y": box[1], "button": "left", "clickCount": 1})
        if navigates:
            self._finish()

    def url(self):
        return self.evaluate("location.href")

    def dom(self):
        return self.evaluate("document.documentElement.outerHTML")

    def cookies(self):
        return self.call("Network.getCookies")["cookies"]

    def snapshot(self, name):
        """Saves NAME.png (the whole page) and NAME.html (the DOM); returns the DOM."""
        markup = self.dom()
        with open(os.path.join(self.out, f"{name}.html"), "w") as f:
            f.write(markup)
        metrics = self.call("Page.getLayoutMetrics")
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        height = min(max(int(size["height"]), 900), 8000)
        shot = self.call("Page.captureScreenshot",
                         {"format": "png", "captureBeyondViewport": True,
                          "clip": {"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1}}, timeout=60)
        data = base64.b64decode(shot["data"])
        if not data.startswith(b"\x89PNG\r\n\x1a\n"):
            raise CDPError("the screenshot is not a PNG")
        with open(os.path.join(self.out, f"{name}.png"), "wb") as f:
            f.write(data)
        return markup

    def close(self):
        try:
            self.cdp.call("Target.closeTarget", {"targetId": self.target})
            self.cdp.call("Target.disposeBrowserContext", {"browserContextId": self.context})
        except CDPError:
            pass


# ---------------------------------------------------------------------------------------------
# The DOM as a tree (html.parser), and the few selectors the checks need.

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
        "track", "wbr"}


class Node:
    def __init__(self, tag, attrs, parent=None):
        self.tag, self.attrs, self.parent, self.children = tag, attrs, parent, []

    @property
    def classes(self):
        return (self.attrs.get("class") or "").split()

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.walk()

    def all(self, tag=None, id=None, cls=None, **attrs):
        found = []
        for node in self.walk():
            if tag and node.tag != tag:
                continue
            if id and node.attrs.get("id") != id:
                continue
            if cls and cls not in node.classes:
                continue
            if any(node.attrs.get(k.rstrip("_")) != v for k, v in attrs.items()):
                continue
            found.append(node)
        return found

    def first(self, tag=None, id=None, cls=None, **attrs):
        found = self.all(tag, id, cls, **attrs)
        return found[0] if found else None


class TreeBuilder(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#document", {})
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, {k: (v if v is not None else "") for k, v in attrs}, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.children.append(data)


def parse(markup):
    builder = TreeBuilder()
    builder.feed(markup)
    builder.close()
    return builder.root


# ---------------------------------------------------------------------------------------------
# Steps and checks.

class Check:
    """Collects the failed expectations of one step."""

    def __init__(self):
        self.failures, self.notes = [], []

    def expect(self, condition, message):
        if not condition:
            self.failures.append(message)
        return bool(condition)

    def note(self, message):
        self.notes.append(message)


class Skip(Exception):
    pass


class Run:
    def __init__(self, state):
        self.results = []                       # (name, status, details)
        self.state = state

    def step(self, name, function, needs=()):
        """Runs a step unless what it needs (keys of the shared state, set by earlier steps) is missing."""
        missing = [n for n in needs if not self.state.get(n)]
        if missing:
            self.results.append((name, "SKIP", [f"needs {', '.join(missing)}"]))
            print(f"SKIP  {name}: needs {', '.join(missing)} from an earlier step", flush=True)
            return
        check = Check()
        started = time.monotonic()
        try:
            function(check)
        except (CDPError, ConnectionError, OSError, subprocess.SubprocessError, AssertionError,
                ValueError, KeyError) as error:
            check.failures.append(f"{type(error).__name__}: {error}")
        seconds = time.monotonic() - started
        status = "FAIL" if check.failures else "PASS"
        self.results.append((name, status, check.failures or check.notes))
        print(f"{status}  {name} ({seconds:.1f} s)", flush=True)
        for line in check.failures:
            print(f"        - {line}", flush=True)
        for line in check.notes:
            print(f"        {line}", flush=True)

    def failed(self):
        return [r for r in self.results if r[1] != "PASS"]


def common_checks(check, doc, where):
    """No <script> element anywhere in a served page."""
    scripts = doc.all("script")
    check.expect(not scripts, f"{where}: {len(scripts)} <script> element(s) in the DOM")
    handlers = [n.tag + "[" + k + "]" for n in doc.walk() for k in n.attrs if k.startswith("on")]
    check.expect(not handlers, f"{where}: inline event handlers {handlers[:3]}")


def signed_in_checks(check, doc, user, where):
    name = doc.first("span", id="user")
    check.expect(name is not None and name.text().strip() == user,
                 f"{where}: <span id=\"user\"> should hold {user!r}, found {name.text().strip() if name else None!r}")
    logout = doc.first("form", id="logout")
    check.expect(logout is not None and logout.attrs.get("method", "").lower() == "post"
                 and logout.attrs.get("action") == "/logout",
                 f"{where}: no <form id=\"logout\" method=\"post\" action=\"/logout\">")


def path_of(url):
    return urllib.parse.urlsplit(url).path


def raw_get(base, path, cookie=None, token=None):
    """One request without following redirects: (status, headers, body)."""
    parts = urllib.parse.urlsplit(base)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    headers = {}
    if cookie:
        headers["Cookie"] = cookie
    if token:
        headers["Authorization"] = f"Bearer {token}"
    connection.request("GET", path, headers=headers)
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


# ---------------------------------------------------------------------------------------------
# chromium --headless --dump-dom, with the session cookie added by a loopback proxy.

class CookieProxy:
    """An HTTP proxy on loopback that forwards GETs to the Arkisto server, adding one cookie."""

    def __init__(self, base, cookie):
        target = urllib.parse.urlsplit(base)
        self.seen = []
        proxy = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                if (url.hostname, url.port) != (target.hostname, target.port):
                    self.send_error(403, "only the Arkisto server")
                    return
                path = url.path + (f"?{url.query}" if url.query else "")
                proxy.seen.append(path)
                headers = {k: v for k, v in self.headers.items()
                           if k.lower() not in ("cookie", "connection", "proxy-connection", "keep-alive")}
                headers["Cookie"] = cookie
                upstream = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
                upstream.request("GET", path, headers=headers)
                response = upstream.getresponse()
                body = response.read()
                upstream.close()
                self.send_response(response.status)
                for k, v in response.getheaders():
                    if k.lower() not in ("connection", "keep-alive", "transfer-encoding", "content-length"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Connection", "close")
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass                                   # Chromium went away (a favicon, at exit)

            def log_message(self, *args):
                pass

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address):
                pass

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


def dump_dom(chromium, url, proxy_port=None, timeout=60):
    """`chromium --headless --dump-dom URL` in a fresh profile; returns the DOM it prints."""
    profile = tempfile.mkdtemp(prefix="arkisto-dump-dom-")
    command = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               "--no-first-run", "--no-default-browser-check", f"--user-data-dir={profile}"]
    if proxy_port:
        command += [f"--proxy-server=http://127.0.0.1:{proxy_port}", "--proxy-bypass-list=<-loopback>"]
    command += ["--dump-dom", url]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise subprocess.SubprocessError(f"chromium --dump-dom {url}: no result in {timeout} s")
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)               # helpers left behind, if any
        except ProcessLookupError:
            pass
        shutil.rmtree(profile, ignore_errors=True)
    if process.returncode != 0:
        raise subprocess.SubprocessError(f"chromium --dump-dom exited {process.returncode}: {err.decode()[-500:]}")
    return out.decode()


# ---------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", required=True, help="the server, http://127.0.0.1:PORT")
    parser.add_argument("--devtools", required=True, help="the browser's DevTools WebSocket URL")
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--token", help="an API token of the user: also checks /api/v1/search")
    parser.add_argument("--chromium", default="chromium")
    parser.add_argument("--out", default="out/browser")
    args = parser.parse_args()
    base = args.base.rstrip("/")
    os.makedirs(args.out, exist_ok=True)
    for name in os.listdir(args.out):
        if name.endswith((".png", ".html")):
            os.remove(os.path.join(args.out, name))

    cdp = CDP(args.devtools)
    state = {}
    run = Run(state)

    def health(check):
        status, _, _ = raw_get(base, "/healthz")
        state["server"] = check.expect(status == 200, f"/healthz answered {status}")

    def login_page(check):
        page = state["page"] = Page(cdp, args.out)
        page.goto(f"{base}/login")
        doc = parse(page.snapshot("01-login"))
        check.expect(page.documents and page.documents[-1][1] == 200, f"GET /login: {page.documents}")
        form = doc.first("form", action="/login")
        check.expect(form is not None and form.attrs.get("method", "").lower() == "post",
                     "no <form method=\"post\" action=\"/login\">")
        if form is None:
            return
        username, password = form.first("input", id="username"), form.first("input", id="password")
        check.expect(username is not None and username.attrs.get("name") == "username",
                     "no <input id=\"username\" name=\"username\"> in the form")
        check.expect(password is not None and password.attrs.get("name") == "password"
                     and password.attrs.get("type") == "password",
                     "no <input id=\"password\" name=\"password\" type=\"password\"> in the form")
        csrf = form.first("input", name="csrf")
        check.expect(csrf is not None and csrf.attrs.get("type") == "hidden" and csrf.attrs.get("value"),
                     "no hidden csrf input with a value in the form")
        button = form.first("button", id="sign-in")
        check.expect(button is not None and button.attrs.get("type") == "submit",
                     "no <button type=\"submit\" id=\"sign-in\"> in the form")
        state["login form"] = bool(username and password and button)
        common_checks(check, doc, "/login")

    def wrong_password(check):
        page = state["page"]
        for name, user, password in (("02-login-wrong-password", args.user, args.password + "-wrong"),
                                     ("02-login-hostile-user", HOSTILE, args.password)):
            page.goto(f"{base}/login")
            page.type_into("#username", user)             # the hostile name may be echoed back: as text
            page.type_into("#password", password)
            page.click("#sign-in")
            doc = parse(page.snapshot(name))
            statuses = [s for _, s in page.documents]
            check.expect(statuses and statuses[-1] == 401, f"{name}: should answer 401, got {statuses}")
            check.expect(doc.first("p", cls="error") is not None, f"{name}: no <p class=\"error\">")
            check.expect(not any(c["name"] == "arkisto_session" for c in page.cookies()),
                         f"{name}: the arkisto_session cookie was set")
            check.expect(doc.first("span", id="user") is None, f"{name}: a signed-in page")
            check.expect(page.dialogs == [], f"{name}: a JavaScript dialog opened: {page.dialogs}")
            common_checks(check, doc, name)

    def sign_in(check):
        page = state["page"]
        page.goto(f"{base}/login")
        page.type_into("#username", args.user)
        page.type_into("#password", args.password)
        page.click("#sign-in")
        doc = parse(page.snapshot("03-home"))
        check.expect(path_of(page.url()) == "/", f"after signing in the browser is at {page.url()}, not /")
        user = doc.first("span", id="user")
        state["signed in"] = user is not None and user.text().strip() == args.user
        check.expect(any(path_of(u) == "/login" and s == 303 for u, s in page.documents),
                     f"the sign-in POST should answer 303, documents: {page.documents}")
        session = [c for c in page.cookies() if c["name"] == "arkisto_session"]
        if check.expect(session, "no arkisto_session cookie after signing in"):
            cookie = session[0]
            check.expect(cookie.get("httpOnly"), "arkisto_session is not HttpOnly")
            check.expect(cookie.get("sameSite") == "Strict", f"arkisto_session SameSite is {cookie.get('sameSite')}")
            state["cookie"] = f"arkisto_session={cookie['value']}"
            state["session cookie"] = True
        signed_in_checks(check, doc, args.user, "/")
        form = doc.first("form", id="search")
        check.expect(form is not None and form.first("input", id="q") is not None,
                     "no <form id=\"search\"> with <input id=\"q\"> on /")
        common_checks(check, doc, "/")

    def search(check):
        page = state["page"]
        page.type_into("#q", SEARCH_WORD)
        if page.evaluate("!!document.querySelector('#search button, #search [type=submit]')"):
            page.click("#search button, #search [type=submit]")
        else:
            _submit_enter(page)                          # a search form without a button: Enter submits it
        doc = parse(page.snapshot("04-search"))
        url = urllib.parse.urlsplit(page.url())
        check.expect(url.path == "/search" and urllib.parse.parse_qs(url.query).get("q") == [SEARCH_WORD],
                     f"the search form led to {page.url()}")
        signed_in_checks(check, doc, args.user, "/search")
        results = doc.first("ol", id="results")
        if not check.expect(results is not None, "no <ol id=\"results\">"):
            return
        hits = results.all("li", cls="hit")
        check.expect(hits, f"no <li class=\"hit\"> for {SEARCH_WORD!r}")
        kinds = [h.attrs.get("data-kind") for h in hits]
        check.expect(all(k in KINDS for k in kinds), f"data-kind values {sorted(set(kinds))}")
        links = [h.first("a", cls="hit-link") for h in hits]
        check.expect(all(a is not None and re.fullmatch(r"/interactions/[^/?#]+", a.attrs.get("href", ""))
                         for a in links), "every hit needs <a class=\"hit-link\" href=\"/interactions/ID\">")
        marks = [m.text() for h in hits for p in h.all("p", cls="snippet") for m in p.all("mark")]
        check.expect(marks, "no <mark> inside any <p class=\"snippet\">")
        inflected = sorted({m.lower() for m in marks if m.lower() != SEARCH_WORD})
        check.expect(inflected, f"no highlighted inflected or compound form of {SEARCH_WORD!r}: {marks}")
        total = doc.first("p", id="total")
        check.expect(total is not None and re.search(r"\d", total.text()), "no <p id=\"total\"> with a number")
        customers = [a.attrs.get("href") for a in results.all("a", cls="customer-link")]
        check.expect(all(re.fullmatch(r"/customers/[^/?#]+", h or "") for h in customers),
                     f"customer links {customers[:3]}")
        common_checks(check, doc, "/search")
        state["hits"] = [(k, a.attrs.get("href")) for k, a in zip(kinds, links) if a is not None]
        state["search hits"] = bool(state["hits"])
        check.note(f"{len(hits)} hits ({', '.join(f'{kinds.count(k)} {k}' for k in sorted(set(kinds)))}); "
                   f"{total.text().strip() if total else ''}; highlighted: {', '.join(inflected[:8])}")

    def interaction(check):
        page = state["page"]
        page.click("#results li.hit a.hit-link")
        doc = parse(page.snapshot("05-interaction"))
        check.expect(path_of(page.url()) == state["hits"][0][1],
                     f"clicking the first hit led to {page.url()}, not {state['hits'][0][1]}")
        article = doc.first("article", id="interaction")
        check.expect(article is not None, "no <article id=\"interaction\">")
        body = doc.first("pre", id="body")
        check.expect(body is not None and body.text().strip(), "no message body in <pre id=\"body\">")
        if state["hits"][0][0] == "email":
            check.expect(doc.first("ul", id="attachments") is not None, "an e-mail without <ul id=\"attachments\">")
        links = [a.attrs.get("href", "") for a in doc.all("a", cls="customer-link")]
        check.expect(links and all(re.fullmatch(r"/customers/[^/?#]+", h) for h in links),
                     f"no <a class=\"customer-link\" href=\"/customers/ID\"> on the message: {links}")
        signed_in_checks(check, doc, args.user, "the message")
        common_checks(check, doc, "the message")
        state["customer"] = links[0] if links else None
        state["a customer link"] = bool(state["customer"])
        check.note(f"{page.url()}: {len(body.text()) if body else 0} characters of body, "
                   f"{len(doc.first('ul', id='attachments').all('li')) if doc.first('ul', id='attachments') else 0} "
                   f"attachment(s), customers {links}")

    def customer(check):
        page = state["page"]
        page.click("a.customer-link")
        doc = parse(page.snapshot("06-customer"))
        check.expect(path_of(page.url()) == state["customer"], f"the customer link led to {page.url()}")
        name = doc.first("h1", id="customer-name")
        check.expect(name is not None and name.text().strip(), "no <h1 id=\"customer-name\">")
        identifiers = doc.first("ul", id="identifiers")
        check.expect(identifiers is not None and identifiers.all("li"), "no identifiers in <ul id=\"identifiers\">")
        timeline = doc.first("ol", id="timeline")
        events = timeline.all("li", cls="event") if timeline else []
        check.expect(events, "no <li class=\"event\"> in <ol id=\"timeline\">")
        check.expect(all(e.attrs.get("data-kind") in KINDS for e in events),
                     f"event kinds {sorted({e.attrs.get('data-kind') for e in events}, key=str)}")
        check.expect(all(any(re.fullmatch(r"/interactions/[^/?#]+", a.attrs.get("href", "")) for a in e.all("a"))
                         for e in events), "a timeline event without a link to /interactions/ID")
        complaints = [e for e in events if "complaint" in e.classes]
        if name is not None and "Virtanen" in name.text():
            check.expect(complaints, "Matti Virtanen's timeline shows no complaint (Samples/ hold his reklamaatio)")
        signed_in_checks(check, doc, args.user, "the customer")
        common_checks(check, doc, "the customer")
        kinds = [e.attrs.get("data-kind") for e in events]
        check.note(f"{name.text().strip() if name else '?'}: {len(events)} events "
                   f"({', '.join(f'{kinds.count(k)} {k}' for k in sorted(set(kinds), key=str))}), "
                   f"{len(complaints)} complaint(s), {len(identifiers.all('li')) if identifiers else 0} identifiers")

    def call_transcript(check):
        calls = [h for k, h in state["hits"] if k == "call"]
        if not check.expect(calls, f"no call among the hits for {SEARCH_WORD!r} (Samples/ hold a transcript with it)"):
            return
        page = state["page"]
        page.goto(base + calls[0])
        doc = parse(page.snapshot("07-call"))
        transcript = doc.first("section", id="transcript")
        check.expect(transcript is not None and transcript.text().strip(), "a call without <section id=\"transcript\">")
        check.expect(doc.first("article", id="interaction") is not None, "no <article id=\"interaction\">")
        common_checks(check, doc, "the call")

    def every_page(check):
        """Every interaction of Samples/ (and each customer linked from one) renders without script."""
        page = state["page"]
        page.goto(f"{base}/search?q={urllib.parse.quote(EVERYTHING)}&limit=100")
        doc = parse(page.dom())
        hrefs = list(dict.fromkeys(a.attrs.get("href") for a in doc.all("a", cls="hit-link")))
        check.expect(len(hrefs) >= 20, f"{EVERYTHING!r} should find the 25 interactions of Samples/, found {len(hrefs)}")
        customers, kinds = {}, collections.Counter()
        for href in hrefs:
            page.goto(base + href)
            doc = parse(page.dom())
            statuses = [s for _, s in page.documents]
            check.expect(statuses and statuses[-1] == 200, f"{href}: status {statuses}")
            check.expect(doc.first("article", id="interaction") is not None, f"{href}: no <article id=\"interaction\">")
            common_checks(check, doc, href)
            check.expect(page.dialogs == [], f"{href}: a JavaScript dialog opened")
            for a in doc.all("a", cls="customer-link"):
                customers.setdefault(a.attrs.get("href"), href)
            kinds["transcript" if doc.first("section", id="transcript") else "no transcript"] += 1
        for href in customers:
            page.goto(base + href)
            doc = parse(page.dom())
            statuses = [s for _, s in page.documents]
            check.expect(statuses and statuses[-1] == 200, f"{href}: status {statuses}")
            check.expect(doc.first("h1", id="customer-name") is not None, f"{href}: no <h1 id=\"customer-name\">")
            common_checks(check, doc, href)
        check.note(f"{len(hrefs)} interaction pages ({kinds['transcript']} with a transcript), "
                   f"{len(customers)} customer pages")

    def dump_dom_signed_in(check):
        proxy = CookieProxy(base, state["cookie"])
        try:
            for name, path, wanted in (("08-dump-dom-customer", state["customer"], ("ol", "timeline")),
                                       ("08-dump-dom-search", f"/search?q={SEARCH_WORD}", ("ol", "results"))):
                markup = dump_dom(args.chromium, base + path, proxy.port)
                with open(os.path.join(args.out, f"{name}.html"), "w") as f:
                    f.write(markup)
                doc = parse(markup)
                check.expect(path in proxy.seen, f"--dump-dom did not go through the cookie proxy for {path}")
                signed_in_checks(check, doc, args.user, f"--dump-dom {path}")
                node = doc.first(wanted[0], id=wanted[1])
                check.expect(node is not None and node.all("li"), f"--dump-dom {path}: no <{wanted[0]} id={wanted[1]}> items")
                if wanted[1] == "results":
                    check.expect(doc.all("mark"), f"--dump-dom {path}: no <mark>")
                common_checks(check, doc, f"--dump-dom {path}")
        finally:
            proxy.stop()

    def hostile_search(check):
        page = state["page"]
        page.goto(f"{base}/search?q={urllib.parse.quote(HOSTILE)}")
        markup = page.snapshot("09-hostile-search")
        doc = parse(markup)
        statuses = [s for _, s in page.documents]
        check.expect(statuses and statuses[-1] in (200, 400), f"status {statuses}")
        check.expect(page.dialogs == [], f"a JavaScript dialog opened: {[d.get('message') for d in page.dialogs]}")
        check.expect(page.evaluate("document.scripts.length") == 0, "document.scripts is not empty")
        common_checks(check, doc, "hostile search")
        echoed = HOSTILE in doc.text() or any(HOSTILE in v for n in doc.walk() for v in n.attrs.values())
        check.note(f"status {statuses[-1] if statuses else '?'}; the query is shown back as text: "
                   f"{'yes' if echoed else 'no'}")

    def malformed_query(check):
        page = state["page"]
        page.goto(f"{base}/search?q={urllib.parse.quote(MALFORMED)}")
        doc = parse(page.snapshot("10-malformed-query"))
        statuses = [s for _, s in page.documents]
        check.expect(statuses and statuses[-1] == 400, f"a malformed query should answer 400, got {statuses}")
        error = doc.first("p", cls="error")
        check.expect(error is not None and error.text().strip(), "no <p class=\"error\"> for a malformed query")
        common_checks(check, doc, "malformed query")
        if error is not None:
            check.note(f"error: {' '.join(error.text().split())[:120]}")

    def api(check):
        status, headers, body = raw_get(base, f"/api/v1/search?q={SEARCH_WORD}&limit=20", token=args.token)
        check.expect(status == 200, f"/api/v1/search with the token answered {status}")
        if status == 200:
            data = json.loads(body)
            check.expect(isinstance(data.get("total"), int) and data["total"] > 0, f"total {data.get('total')!r}")
            check.expect(isinstance(data.get("results"), list) and 0 < len(data["results"]) <= 20,
                         f"{len(data.get('results') or [])} results")
            check.note(f"total {data.get('total')}, {len(data.get('results') or [])} results")
        status, _, _ = raw_get(base, f"/api/v1/search?q={SEARCH_WORD}")
        check.expect(status == 401, f"/api/v1/search without a token answered {status}, not 401")
        status, _, _ = raw_get(base, f"/api/v1/search?q={SEARCH_WORD}", token="not-a-token")
        check.expect(status == 401, f"/api/v1/search with a wrong token answered {status}, not 401")

    def sign_out(check):
        page = state["page"]
        page.goto(f"{base}/")
        if page.evaluate("!!document.querySelector('#logout button, #logout [type=submit]')"):
            page.click("#logout button, #logout [type=submit]")
        else:
            page._begin()
            page.evaluate("document.getElementById('logout').requestSubmit()")
            page._finish()
        check.expect(path_of(page.url()) in ("/login", "/"), f"after signing out the browser is at {page.url()}")
        page.goto(f"{base}/search?q={SEARCH_WORD}")
        doc = parse(page.snapshot("11-signed-out"))
        check.expect(path_of(page.url()) == "/login", f"after signing out /search shows {page.url()}")
        check.expect(doc.first("span", id="user") is None, "still signed in after signing out")
        status, _, _ = raw_get(base, f"/search?q={SEARCH_WORD}", cookie=state["cookie"])
        check.expect(status in (302, 303, 307), f"the old session cookie still opens /search (status {status})")

    def signed_out(check):
        status, headers, _ = raw_get(base, f"/search?q={SEARCH_WORD}")
        check.expect(status in (302, 303, 307), f"signed out, /search answered {status}, not a redirect")
        check.expect(path_of(headers.get("location", "")) == "/login",
                     f"signed out, /search redirects to {headers.get('location')!r}, not /login")
        for path in ("/", "/customers/A001", "/interactions/1"):
            status, headers, _ = raw_get(base, path)
            check.expect(status in (302, 303, 307) and path_of(headers.get("location", "")) == "/login",
                         f"signed out, {path} answered {status} {headers.get('location')!r}")
        markup = dump_dom(args.chromium, f"{base}/search?q={SEARCH_WORD}")
        with open(os.path.join(args.out, "12-dump-dom-signed-out.html"), "w") as f:
            f.write(markup)
        doc = parse(markup)
        check.expect(doc.first("form", action="/login") is not None and doc.first("span", id="user") is None,
                     "--dump-dom of /search signed out does not show the login form")
        common_checks(check, doc, "--dump-dom signed out")

    try:
        run.step("healthz", health)
        run.step("login page", login_page, needs=["server"])
        run.step("wrong password refused", wrong_password, needs=["login form"])
        run.step("sign in through the form", sign_in, needs=["login form"])
        run.step(f"search {SEARCH_WORD!r} through the form", search, needs=["signed in"])
        run.step("open the first hit's message", interaction, needs=["search hits"])
        run.step("open the message's customer", customer, needs=["a customer link"])
        run.step("call transcript", call_transcript, needs=["search hits"])
        run.step("every message and customer page", every_page, needs=["signed in"])
        run.step("chromium --dump-dom with the session", dump_dom_signed_in, needs=["session cookie", "a customer link"])
        run.step("hostile search renders no script", hostile_search, needs=["signed in"])
        run.step("malformed query answers 400", malformed_query, needs=["signed in"])
        if args.token:
            run.step("API search with a bearer token", api, needs=["server"])
        run.step("signed out: redirects to /login", signed_out, needs=["server"])
        run.step("sign out", sign_out, needs=["signed in", "session cookie"])
    finally:
        if "page" in state:
            state["page"].close()
        cdp.ws.close()

    failed = run.failed()
    print(f"steps: {len(run.results) - len(failed)} passed, {len(failed)} failed or skipped; "
          f"screenshots and DOMs in {args.out}", flush=True)
    return 1 if failed else 0


def _submit_enter(page):
    page._begin()
    for kind in ("keyDown", "keyUp"):
        page.call("Input.dispatchKeyEvent", {"type": kind, "key": "Enter", "code": "Enter",
                                             "windowsVirtualKeyCode": 13, "text": "\r" if kind == "keyDown" else ""})
    page._finish()


if __name__ == "__main__":
    sys.exit(main())
