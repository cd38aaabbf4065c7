import logging
import threading

from app.events import DataChanged, Event, EventBus


def test_subscribers_get_events_of_their_type_from_any_thread():
    bus = EventBus()
    got, only_changes = [], []
    bus.subscribe(got.append)
    unsubscribe = bus.subscribe(only_changes.append, DataChanged)
    worker = threading.Thread(target=lambda: bus.publish(DataChanged(what="line", ids=(1,))))
    worker.start()
    worker.join()
    bus.publish(Event())
    assert [type(e) for e in got] == [DataChanged, Event]
    assert [e.ids for e in only_changes] == [(1,)]
    unsubscribe()
    bus.publish(DataChanged(what="x"))
    assert len(only_changes) == 1


def test_a_failing_subscriber_does_not_stop_the_others(caplog):
    bus = EventBus()
    got = []

    def broken(_event):
        raise RuntimeError("boom")

    bus.subscribe(broken)
    bus.subscribe(got.append)
    bus.publish(Event())
    assert len(got) == 1
    assert any(r.levelno == logging.ERROR for r in caplog.records)
    caplog.clear()  # the error log is expected here
