#!/usr/bin/env python3
"""A real Dovecot IMAP server on 127.0.0.1 for testing the IMAP capture.

Everything lives in one folder (DIR): a throw-away CA and a server certificate for
localhost/127.0.0.1 made with openssl, a passwd-file with one test user, the Dovecot config, its
run folder, log and mail. No system configuration is read or written. Works as root (the login
processes run as `dovenull`, the mail as `dovecot`) and as an ordinary user (everything runs as
that user).

As a CLI (each command prints JSON on stdout):

    dovecot.py start   --dir DIR [--port N]    # sets DIR up the first time; a restart keeps the port
    dovecot.py stop    --dir DIR               # sessions are killed: a sync in progress is cut off
    dovecot.py deliver --dir DIR --count N     # N generated Finnish messages, appended over TLS
    dovecot.py state   --dir DIR               # UIDVALIDITY, UIDNEXT, every UID with its flags
    dovecot.py expunge --dir DIR --uid N       # deletes one message on the server
    dovecot.py renumber --dir DIR --uid-validity N   # gives the mailbox a new UIDVALIDITY (doveadm)
    dovecot.py stop-after --dir DIR --maildir M --messages K   # stops it once M holds K messages
    dovecot.py kill-client-after --dir DIR --maildir M --messages K --match TEXT   # SIGKILLs the client
    dovecot.py destroy --dir DIR               # stops the server and removes DIR

`start` prints what a client needs: host, port, user, the password file (mode 0600), a file with a
wrong password, the CA certificate and an imaps URL.
"""

import argparse
import email.message
import email.utils
import grp
import imaplib
import json
import os
import pwd
import re
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import uuid

USER = "asiakaspalvelu"
# ASCII (imaplib sends LOGIN arguments as ASCII) with a space, quotes and a dollar sign, so a
# client that passes the password through a shell unquoted fails.
PASSWORD = "sala \"sana\" $HOME 'ja' 42"
WRONG_PASSWORD = "väärä-salasana"
MAILBOX = "INBOX"


class HarnessError(Exception):
    pass


class Dovecot:
    """One Dovecot instance kept in `folder`; its settings are in `folder/harness.json`."""

    def __init__(self, folder):
        self.folder = os.path.abspath(folder)

    # Paths -------------------------------------------------------------------------------------

    def path(self, *parts):
        return os.path.join(self.folder, *parts)

    @property
    def ca_file(self):
        return self.path("tls", "ca.pem")

    @property
    def password_file(self):
        return self.path("client", "password")

    @property
    def wrong_password_file(self):
        return self.path("client", "wrong-password")

    @property
    def config_file(self):
        return self.path("dovecot.conf")

    def settings(self):
        try:
            with open(self.path("harness.json"), encoding="utf-8") as file:
                return json.load(file)
        except FileNotFoundError:
            raise HarnessError(f"{self.folder}: no harness here; run `start` first") from None

    def info(self):
        port = self.settings()["port"]
        return {
            "host": "localhost",
            "port": port,
            "user": USER,
            "mailbox": MAILBOX,
            "password_file": self.password_file,
            "wrong_password_file": self.wrong_password_file,
            "ca_file": self.ca_file,
            "url": f"imaps://localhost:{port}/{MAILBOX}",
            "log": self.path("dovecot.log"),
            "running": self.running(),
        }

    # Setting up --------------------------------------------------------------------------------

    def set_up(self, port=None):
        """Creates the folder's CA, certificate, users and config unless they exist already."""
        if os.path.exists(self.path("harness.json")):
            return
        if os.geteuid() == 0:
            closed = closed_ancestor(os.path.dirname(self.folder))
            if closed:
                raise HarnessError(f"{closed}: the dovecot user cannot pass through this folder to reach the mail; "
                                   f"chmod o+x it or put the harness elsewhere")
        os.makedirs(self.folder, exist_ok=True)
        for sub in ("tls", "client", "run", "mail"):
            os.makedirs(self.path(sub), exist_ok=True)
        as_root = os.geteuid() == 0
        if as_root:
            # Dovecot refuses mail access as root: the mail belongs to the `dovecot` user, who
            # must be able to pass through the folder (but not list it).
            mail_user = pwd.getpwnam("dovecot")
            os.chmod(self.folder, 0o711)
            os.chown(self.path("mail"), mail_user.pw_uid, mail_user.pw_gid)
        else:
            mail_user = pwd.getpwuid(os.geteuid())
            os.chmod(self.folder, 0o700)
        self._make_certificates()
        self._write_secret(self.password_file, PASSWORD)
        self._write_secret(self.wrong_password_file, WRONG_PASSWORD)
        with open(self.path("passwd"), "w", encoding="utf-8") as file:
            file.write(f"{USER}:{{PLAIN}}{PASSWORD}::::::\n")
        with open(self.config_file, "w", encoding="utf-8") as file:
            file.write(self._config(port or free_port(), mail_user, as_root))
        with open(self.path("harness.json"), "w", encoding="utf-8") as file:
            json.dump({"port": self._configured_port(), "tag": uuid.uuid4().hex[:12], "delivered": 0}, file)

    def _configured_port(self):
        with open(self.config_file, encoding="utf-8") as file:
            return int(re.search(r"^\s*port = (\d+)\s*# imaps", file.read(), re.M).group(1))

    @staticmethod
    def _write_secret(path, text):
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as file:
            file.write(text + "\n")

    def _make_certificates(self):
        tls = self.path("tls")

        def openssl(*arguments):
            result = subprocess.run(["openssl", *arguments], cwd=tls, capture_output=True, text=True)
            if result.returncode != 0:
                raise HarnessError(f"openssl {arguments[0]} failed: {result.stderr.strip()}")

        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "7", "-subj", "/CN=Arkisto test CA (throw-away)")
        openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
                "-subj", "/CN=localhost")
        with open(os.path.join(tls, "server.ext"), "w", encoding="utf-8") as file:
            file.write("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n"
                       "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n")
        openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.pem", "-days", "7", "-extfile", "server.ext")
        for key in ("ca.key", "server.key"):
            os.chmod(os.path.join(tls, key), 0o600)

    def _config(self, port, mail_user, as_root):
        if as_root:
            accounts = "default_login_user = dovenull\ndefault_internal_user = dovecot\n"
        else:
            name = mail_user.pw_name
            group = grp.getgrgid(mail_user.pw_gid).gr_name
            accounts = (f"default_login_user = {name}\ndefault_internal_user = {name}\n"
                        f"default_internal_group = {group}\n"
                        "service auth-worker {\n  user = $default_internal_user\n}\n")
        return f"""# Written by tools/capture/dovecot.py: a test server, nothing from /etc/dovecot.
base_dir = {self.path("run")}
state_dir = {self.path("run", "state")}
instance_name = arkisto-test-{os.path.basename(self.folder)}
log_path = {self.path("dovecot.log")}
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <{self.path("tls", "server.pem")}
ssl_key = <{self.path("tls", "server.key")}
ssl_min_protocol = TLSv1.2
disable_plaintext_auth = yes
auth_mechanisms = plain login
{accounts}first_valid_uid = {mail_user.pw_uid}
# A test server: no fsync per message, so delivering hundreds is quick.
mail_fsync = never
mail_location = maildir:{self.path("mail")}/%u
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {self.path("passwd")}
}}
userdb {{
  driver = static
  args = uid={mail_user.pw_uid} gid={mail_user.pw_gid} home={self.path("mail")}/%u
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {port}  # imaps
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
"""

    # Running -----------------------------------------------------------------------------------

    def master_pid(self):
        try:
            with open(self.path("run", "master.pid"), encoding="utf-8") as file:
                pid = int(file.read().strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if alive(pid) else None

    def running(self):
        return self.master_pid() is not None

    def start(self, port=None):
        self.set_up(port)
        if self.running():
            return self.info()
        # The daemon keeps the standard streams it was given: a file, not a pipe we would wait on.
        with open(self.path("dovecot.stderr"), "w+", encoding="utf-8") as errors:
            status = subprocess.run(["dovecot", "-c", self.config_file], stdin=subprocess.DEVNULL,
                                    stdout=subprocess.DEVNULL, stderr=errors,
                                    preexec_fn=default_signal_handling).returncode
            errors.seek(0)
            if status != 0:
                raise HarnessError(f"dovecot did not start: {errors.read().strip()} (log: {self.path('dovecot.log')})")
        wait_until(lambda: self.running() and port_open(self.settings()["port"]), f"dovecot listening on port {self.settings()['port']}")
        return self.info()

    def stop(self):
        """Stops the server the hard way: its sessions are killed at once, so a sync in progress
        is cut off mid-transfer (Dovecot's own shutdown lets a running FETCH finish)."""
        pid = self.master_pid()
        if pid is None:
            return self.info()
        sessions = [child for child in child_processes(pid) if process_name(child) == "imap"]
        os.kill(pid, signal.SIGTERM)
        for session in sessions:
            try:
                os.kill(session, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            wait_until(lambda: not alive(pid), "dovecot's master process to end", seconds=5)
        except HarnessError:
            for process in [pid, *child_processes(pid)]:
                try:
                    os.kill(process, signal.SIGKILL)
                except ProcessLookupError:
                    pass
        wait_until(lambda: not alive(pid) and not port_open(self.settings()["port"]), "dovecot stopped")
        return self.info()

    def stop_after(self, maildir, messages, seconds):
        """Waits until `maildir` holds at least `messages` messages, then stops the server: a
        sync cut off part-way, at a known point."""
        wait_until(lambda: maildir_count(maildir) >= messages, f"{messages} messages in {maildir}", seconds)
        seen = maildir_count(maildir)
        self.stop()
        return {"stopped_with_messages_in_maildir": seen}

    @staticmethod
    def kill_client_after(maildir, messages, match, seconds):
        """Waits until `maildir` holds at least `messages` messages, then kills (SIGKILL) every
        process whose command line contains `match`: a client cut off mid-sync."""
        wait_until(lambda: maildir_count(maildir) >= messages, f"{messages} messages in {maildir}", seconds)
        killed = []
        for pid in processes_matching(match):
            try:
                os.kill(pid, signal.SIGKILL)
                killed.append(pid)
            except ProcessLookupError:
                pass
        return {"killed": killed, "messages_in_maildir": maildir_count(maildir)}

    def destroy(self):
        if os.path.exists(self.path("harness.json")):
            self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)
        return {"removed": self.folder}

    # Mail --------------------------------------------------------------------------------------

    def connect(self):
        context = ssl.create_default_context(cafile=self.ca_file)
        client = imaplib.IMAP4_SSL("localhost", self.settings()["port"], ssl_context=context)
        # APPEND waits for the server's "+" between command and message: without this each
        # message waits for a delayed ACK (40 ms).
        client.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        client.login(USER, PASSWORD)
        return client

    def deliver(self, count, size_kb=0):
        """Appends `count` new generated messages (unseen); returns each one's Message-ID, UID and
        the time it was delivered (seconds since the epoch)."""
        settings = self.settings()
        first = settings["delivered"] + 1
        delivered = []
        client = self.connect()
        try:
            for index in range(first, first + count):
                message = finnish_message(index, settings["tag"], size_kb)
                status, data = client.append(MAILBOX, None, None, message.as_bytes())
                if status != "OK":
                    raise HarnessError(f"APPEND of message {index} failed: {data}")
                uid = re.search(rb"APPENDUID \d+ (\d+)", data[0])
                delivered.append({
                    "index": index,
                    "message_id": message["Message-ID"],
                    "uid": int(uid.group(1)) if uid else None,
                    "delivered_at": time.time(),
                })
                settings["delivered"] = index
                self._save(settings)
        finally:
            client.logout()
        return delivered

    def state(self):
        """The mailbox as the server has it, read without changing it (EXAMINE, FLAGS only)."""
        client = self.connect()
        try:
            status, data = client.select(MAILBOX, readonly=True)
            if status != "OK":
                raise HarnessError(f"EXAMINE {MAILBOX} failed: {data}")
            validity = int(client.response("UIDVALIDITY")[1][0])
            uid_next = int(client.response("UIDNEXT")[1][0])
            messages = []
            if int(data[0]) > 0:
                status, data = client.uid("FETCH", "1:*", "(FLAGS)")
                for line in data:
                    if not isinstance(line, bytes):
                        continue
                    found = re.search(rb"UID (\d+)", line)
                    flags = re.search(rb"FLAGS \(([^)]*)\)", line)
                    if found and flags:
                        # \Recent belongs to a session, not to the message.
                        kept = sorted(f for f in flags.group(1).decode().split() if f != "\\Recent")
                        messages.append({"uid": int(found.group(1)), "flags": kept})
            messages.sort(key=lambda m: m["uid"])
            return {"uidvalidity": validity, "uidnext": uid_next, "messages": messages}
        finally:
            client.logout()

    def expunge(self, uid):
        client = self.connect()
        try:
            client.select(MAILBOX)
            client.uid("STORE", str(uid), "+FLAGS.SILENT", "(\\Deleted)")
            status, data = client.uid("EXPUNGE", str(uid))
            if status != "OK":
                raise HarnessError(f"UID EXPUNGE {uid} failed: {data}")
        finally:
            client.logout()
        return self.state()

    def renumber(self, uid_validity):
        """Gives the mailbox a new UIDVALIDITY, as a server that recreated it would: a client's
        UIDs no longer mean the same messages."""
        result = subprocess.run(
            ["doveadm", "-c", self.path("dovecot.conf"), "mailbox", "update", "-u", USER,
             "--uid-validity", str(uid_validity), MAILBOX], capture_output=True, text=True)
        if result.returncode != 0:
            raise HarnessError(f"doveadm mailbox update failed: {result.stderr.strip()}")
        return self.state()

    def _save(self, settings):
        with open(self.path("harness.json"), "w", encoding="utf-8") as file:
            json.dump(settings, file)


# Messages ------------------------------------------------------------------------------------------

FIRST_NAMES = ["Aino", "Eero", "Helmi", "Juhani", "Kaarina", "Lauri", "Märta", "Oskari", "Päivi", "Väinö"]
LAST_NAMES = ["Mäkinen", "Virtanen", "Häkkinen", "Korhonen", "Nieminen", "Järvinen", "Lehtonen", "Öhman"]
TOPICS = [
    ("Lasku on liian suuri", "Puhelinlaskussani on veloitus, jota en tunnista. Pyydän hyvitystä."),
    ("Liittymän siirto", "Haluaisin siirtää liittymäni uuteen osoitteeseen ensi kuun alusta."),
    ("Reklamaatio: yhteys katkeilee", "Kuituyhteys on katkeillut viikon ajan iltaisin. Tämä on valitus."),
    ("Tietopyyntö", "Pyydän jäljennöksen kaikista minua koskevista tiedoista (tietosuoja-asetus, 15 artikla)."),
    ("Eräpäivän siirto", "Voisinko saada lisäaikaa laskun eräpäivään? Maksan kahden viikon päästä."),
]


FILLER = "Liitteenä on aiempi viestiketju ja laskun erittely kuukausittain eriteltynä.\n"


def finnish_message(index, tag, size_kb=0):
    first = FIRST_NAMES[index % len(FIRST_NAMES)]
    last = LAST_NAMES[(index // len(FIRST_NAMES)) % len(LAST_NAMES)]
    subject, body = TOPICS[index % len(TOPICS)]
    address = f"{ascii_fold(first)}.{ascii_fold(last)}{index}@esimerkki.fi".lower()
    message = email.message.EmailMessage()
    message["From"] = email.utils.formataddr((f"{first} {last}", address))
    message["To"] = "asiakaspalvelu@esimerkkiverkko.fi"
    message["Subject"] = f"{subject} (viesti {index})"
    message["Date"] = email.utils.formatdate(localtime=True)
    message["Message-ID"] = f"<imap-{tag}-{index}@testi.esimerkkiverkko.fi>"
    # Padding (size_kb) makes a transfer slow enough to be cut off part-way.
    padding = FILLER * (size_kb * 1024 // len(FILLER.encode()))
    message.set_content(f"Hei,\n\n{body}\n\nAsiakasnumero AS-{1000000 + index}.\n\n{padding}"
                        f"Ystävällisin terveisin\n{first} {last}\n", cte="8bit")
    return message


def ascii_fold(text):
    return text.translate(str.maketrans("äöåÄÖÅ", "aoaAOA"))


# Helpers -------------------------------------------------------------------------------------------

def default_signal_handling():
    """A test runner may start us with signals blocked or ignored, which Dovecot would inherit and
    then never stop on SIGTERM."""
    signal.pthread_sigmask(signal.SIG_SETMASK, [])
    for number in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP, signal.SIGQUIT):
        signal.signal(number, signal.SIG_DFL)


def closed_ancestor(folder):
    """The first existing folder on the way to `folder` that others cannot pass through."""
    path = os.path.abspath(folder)
    while True:
        if os.path.isdir(path) and not os.stat(path).st_mode & 0o001:
            return path
        parent = os.path.dirname(path)
        if parent == path:
            return None
        path = parent


def alive(pid):
    """True unless the process is gone or a zombie (whoever inherited the daemon may never reap
    it)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as file:
            return file.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, IndexError):
        return False


def maildir_count(maildir):
    count = 0
    for folder in ("new", "cur"):
        try:
            count += sum(1 for name in os.listdir(os.path.join(maildir, folder)) if not name.startswith("."))
        except FileNotFoundError:
            pass
    return count


def process_name(pid):
    try:
        with open(f"/proc/{pid}/comm", encoding="utf-8", errors="replace") as file:
            return file.read().strip()
    except FileNotFoundError:
        return None


def child_processes(parent):
    children = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as file:
                fields = file.read().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        if int(fields[1]) == parent:
            children.append(int(entry))
    return children


def processes_matching(text):
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit() or int(entry) == os.getpid():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as file:
                command = file.read().replace(b"\0", b" ").decode("utf-8", "replace")
        except (FileNotFoundError, ProcessLookupError, PermissionError):
            continue
        if text in command:
            found.append(int(entry))
    return found


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def port_open(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


def wait_until(condition, what, seconds=15.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise HarnessError(f"timed out waiting for {what}")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name in ("start", "stop", "deliver", "state", "expunge", "renumber", "destroy", "info", "stop-after",
                 "kill-client-after"):
        command = commands.add_parser(name)
        command.add_argument("--dir", required=True, help="the harness folder")
        if name == "start":
            command.add_argument("--port", type=int, help="the port the first time (default: a free one)")
        if name == "deliver":
            command.add_argument("--count", type=int, required=True)
            command.add_argument("--size-kb", type=int, default=0, help="pad each message to about this size")
        if name == "expunge":
            command.add_argument("--uid", type=int, required=True)
        if name == "renumber":
            command.add_argument("--uid-validity", type=int, required=True)
        if name in ("stop-after", "kill-client-after"):
            command.add_argument("--maildir", required=True, help="a client's Maildir to watch")
            command.add_argument("--messages", type=int, required=True, help="stop once it holds this many")
            command.add_argument("--seconds", type=float, default=120.0, help="give up after this long")
        if name == "kill-client-after":
            command.add_argument("--match", required=True, help="text in the client's command line")
    arguments = parser.parse_args(argv)
    server = Dovecot(arguments.dir)
    try:
        if arguments.command == "start":
            result = server.start(arguments.port)
        elif arguments.command == "deliver":
            result = server.deliver(arguments.count, arguments.size_kb)
        elif arguments.command == "expunge":
            result = server.expunge(arguments.uid)
        elif arguments.command == "renumber":
            result = server.renumber(arguments.uid_validity)
        elif arguments.command == "stop-after":
            result = server.stop_after(arguments.maildir, arguments.messages, arguments.seconds)
        elif arguments.command == "kill-client-after":
            result = server.kill_client_after(arguments.maildir, arguments.messages, arguments.match, arguments.seconds)
        else:
            result = getattr(server, arguments.command)()
    except (HarnessError, imaplib.IMAP4.error, OSError) as error:
        print(f"dovecot.py {arguments.command}: {error}", file=sys.stderr)
        return 1
    json.dump(result, sys.stdout, ensure_ascii=False)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
