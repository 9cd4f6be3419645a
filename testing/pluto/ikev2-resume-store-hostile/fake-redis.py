#!/usr/bin/python3
# A hostile "Redis" for ikev2-resume-store-hostile: it speaks enough
# RESP to be connected to, answers AUTH, SELECT and PING with +OK, and
# answers the Nth EVAL with the Nth of ANSWERS: an error (with a
# control character, and long), an integer,
# an array, a string the script never returns, then bytes that are no
# RESP at all (the client must drop the connection).  Later EVALs are
# answered like the last one.  It writes each answer's name to its log.
import socketserver
import sys

ANSWERS = [
    # a terminal escape and 200 more bytes: logged escaped and cut
    ("error", b"-ERR fake store says no\x1b[2J" + b"x" * 200 + b"\r\n"),
    ("integer", b":1\r\n"),
    ("array", b"*1\r\n$2\r\nok\r\n"),
    ("string", b"$5\r\nhello\r\n"),
    ("garbage", b"\x00\x01\x02 not RESP\r\n"),
]
evals = 0


def read_command(f):
    line = f.readline()
    if not line:
        return None
    if not line.startswith(b"*"):
        return [line.strip()]
    args = []
    for _ in range(int(line[1:])):
        n = int(f.readline()[1:])
        args.append(f.read(n + 2)[:n])
    return args


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        global evals
        while True:
            cmd = read_command(self.rfile)
            if cmd is None:
                return
            name = cmd[0].upper()
            if name == b"EVAL":
                what, answer = ANSWERS[min(evals, len(ANSWERS) - 1)]
                evals += 1
            else:
                what, answer = (name.decode(errors="replace"), b"+OK\r\n")
            print(f"answered {what}", flush=True)
            self.wfile.write(answer)
            self.wfile.flush()


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


with Server(("0.0.0.0", int(sys.argv[1])), Handler) as server:
    print("listening", flush=True)
    server.serve_forever()
