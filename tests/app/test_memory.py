"""The collector pause of bulk jobs: always undone, whatever the threads do."""

import gc
import sys
import threading

from app.memory import collector_paused


def test_the_collector_is_back_on_after_jobs_on_many_threads():
    assert gc.isenabled()
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads switch between any two steps, as on a busy server
    try:
        for _ in range(5):
            threads = [threading.Thread(target=pause_often) for _ in range(4)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            assert gc.isenabled()
    finally:
        sys.setswitchinterval(interval)
        gc.enable()


def pause_often():
    for _ in range(5000):
        with collector_paused():
            pass


def test_a_failing_job_restores_the_collector_and_a_disabled_one_stays_disabled():
    try:
        with collector_paused():
            assert not gc.isenabled()
            raise ValueError("the job failed")
    except ValueError:
        pass
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # it was off before: left off
    finally:
        gc.enable()
