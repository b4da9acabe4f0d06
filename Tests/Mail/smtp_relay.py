#!/usr/bin/env python3
"""A mail relay on loopback for the delivery tests (Tests/PlanWebTests/MailDeliveryTests.swift).

aiosmtpd with STARTTLS required and AUTH (PLAIN and LOGIN) over it. Each accepted message is
written to STORE/<n>.eml and its Message-ID appended to STORE/received.log, so a test can count
what arrived. To play a relay that fails:

  --stop-after N   after accepting N messages, exit (the relay goes down mid-delivery)
  --hold-ms MS     hold each message that long before accepting it, writing "holding <Message-ID>"
                   to STORE/holding.log first; a message whose sender died meanwhile is not kept
                   (a real relay never accepted it: it never said 250)

  smtp_relay.py --port 0 --store DIR --cert cert.pem --key key.pem --user U --password P [--port-file F]
"""
import argparse
import asyncio
import email
import os
import ssl
import sys

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Store:
    def __init__(self, args):
        self.args = args
        self.accepted = 0
        self.stopping = False
        os.makedirs(args.store, exist_ok=True)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.stopping:
            return "421 4.3.2 shutting down"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message_id = email.message_from_bytes(envelope.content).get("Message-ID", "").strip()
        if self.args.hold_ms:
            with open(os.path.join(self.args.store, "holding.log"), "a") as f:
                f.write("holding %s\n" % message_id)
            await asyncio.sleep(self.args.hold_ms / 1000)
            if server.transport is None or server.transport.is_closing():
                return "421 4.4.2 the client went away"
        n = len([x for x in os.listdir(self.args.store) if x.endswith(".eml")]) + 1
        with open(os.path.join(self.args.store, "%d.eml" % n), "wb") as f:
            f.write(envelope.original_content or envelope.content)
        with open(os.path.join(self.args.store, "received.log"), "a") as f:
            f.write("%s %s\n" % (message_id, " ".join(envelope.rcpt_tos)))
        self.accepted += 1
        if self.args.stop_after and self.accepted >= self.args.stop_after:
            # Nothing more is taken from now on, and the relay is gone soon after this reply.
            self.stopping = True
            asyncio.get_running_loop().call_later(0.5, os._exit, 0)
        return "250 2.0.0 accepted"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--port-file")
    p.add_argument("--store", required=True)
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--user", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--stop-after", type=int, default=0)
    p.add_argument("--hold-ms", type=int, default=0)
    args = p.parse_args()

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == args.user and auth_data.password.decode() == args.password
        return AuthResult(success=ok)

    store = Store(args)

    async def serve():
        loop = asyncio.get_running_loop()
        server = await loop.create_server(
            lambda: SMTP(store, hostname="relay.test", tls_context=context, require_starttls=True, auth_required=True,
                         auth_require_tls=True, authenticator=authenticate, decode_data=False),
            "127.0.0.1", args.port)
        port = server.sockets[0].getsockname()[1]
        if args.port_file:
            with open(args.port_file + ".tmp", "w") as f:
                f.write(str(port))
            os.replace(args.port_file + ".tmp", args.port_file)
        print("relay on 127.0.0.1:%d" % port, flush=True)
        await server.serve_forever()

    asyncio.run(serve())


if __name__ == "__main__":
    sys.exit(main())
