"""Telephony: PBX adapters turning calls into plain events (no Qt here).

- :mod:`console.telephony.events`: the plain call events (ring, answer, hangup, queue join
  and abandon, agent called and connected, recording) every adapter produces;
- :mod:`console.telephony.calls`: follows the calls of one extension from those events;
- :mod:`console.telephony.ami`: the Asterisk Manager Interface adapter (panoramisk, on an
  asyncio loop in a thread of its own, reconnecting with backoff);
- :mod:`console.telephony.softphone`: ``main.py pop`` hands a call to the running console
  over a local socket (any softphone that runs a command on an incoming call).
"""
