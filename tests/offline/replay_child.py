"""A console's replay in a process of its own, for the test that kills it mid-replay.

    python -m tests.offline.replay_child STORE URL STATION

Prints ``committed UUID`` right after each case is stored centrally, then waits a
little before the outbox marks it done: a kill then lands between the two.
"""

from __future__ import annotations

import sys
import time
from typing import Any

from console.infra.database import make_engine, make_session_factory
from console.offline.policy import Backoff, LinkState
from console.offline.service import OfflineService
from console.offline.store import LocalStore
from tests.offline.support import intake_for


def main() -> None:
    store_path, url, station = sys.argv[1:4]
    pause = float(sys.argv[4]) if len(sys.argv) > 4 else 0.2
    sessions = make_session_factory(make_engine(url))
    intake = intake_for(sessions, station)

    class Announcing:
        def submit(self, *args: Any, **kwargs: Any) -> Any:
            saved = intake.submit(*args, **kwargs)
            print(f"committed {saved.uuid}", flush=True)
            time.sleep(pause)  # the window between the central commit and local "done"
            return saved

    svc = OfflineService(
        LocalStore(store_path),
        sessions,
        Announcing(),  # type: ignore[arg-type]
        lambda: station,
        backoff=Backoff(base=0.05, cap=0.2),
        probe_every=0.2,
    )
    svc.start()
    while True:
        st = svc.status()
        if st.state is LinkState.ONLINE and st.waiting == 0:
            print("drained", flush=True)
            svc.stop()
            return
        time.sleep(0.05)


if __name__ == "__main__":
    main()
