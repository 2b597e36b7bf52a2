#!/usr/bin/env python3
"""A local SMTP stand-in for the benchmarks: accepts every message, keeps none, and writes how many it
took to a file (one number, rewritten after each message).  bench/smtp-sink.py PORT COUNT_FILE"""
import socketserver
import sys
import threading

PORT, COUNT_FILE = int(sys.argv[1]), sys.argv[2]
lock = threading.Lock()
count = 0


def took_one():
    global count
    with lock:
        count += 1
        with open(COUNT_FILE, "w") as f:
            f.write(str(count))


class Session(socketserver.StreamRequestHandler):
    disable_nagle_algorithm = True  # a reply is one small write; don't let it wait for the client's ACK

    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())
        self.wfile.flush()

    def handle(self):
        self.reply("220 bench-sink ESMTP")
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line.decode("latin-1").strip().split(" ")[0].upper()
            if verb == "EHLO":
                self.reply("250-bench-sink\r\n250 8BITMIME")  # one write, as above
            elif verb == "DATA":
                self.reply("354 go on")
                while True:
                    data = self.rfile.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                took_one()
                self.reply("250 taken")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:  # HELO, MAIL, RCPT, RSET, NOOP
                self.reply("250 ok")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


with open(COUNT_FILE, "w") as f:
    f.write("0")
Server(("127.0.0.1", PORT), Session).serve_forever()
