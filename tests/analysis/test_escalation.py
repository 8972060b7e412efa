"""The escalation signal on constructed series, and over a store."""

from __future__ import annotations

import numpy as np
import pandas as pd
from store_factory import dyad_record

from sitroom.analysis.escalation import escalation
from sitroom.api import Store


def _days(values: list[float]) -> pd.Series:
    return pd.Series(values, index=pd.date_range("2024-01-01", periods=len(values)))


def test_flat_series_never_signals() -> None:
    assert not escalation(_days([0.0] * 40))["signal"].any()
    assert not escalation(_days([5.0] * 40))["signal"].any()


def test_spike_signals_on_the_spike_day() -> None:
    values = [0.0] * 20 + [12.0] + [0.0] * 5
    out = escalation(_days(values))
    assert list(out.index[out["signal"]]) == [pd.Timestamp("2024-01-21")]
    row = out.loc["2024-01-21"]
    assert row["baseline"] == 0.0 and row["threshold"] == 2.0  # k * min_std above 0


def test_spike_over_noise_signals_but_noise_does_not() -> None:
    rng = np.random.default_rng(7)
    noise = list(rng.uniform(2.0, 4.0, 30))
    out = escalation(_days([*noise, 30.0]))
    assert out["signal"].iloc[-1]
    assert not out["signal"].iloc[:-1].any()


def test_slow_ramp_does_not_signal() -> None:
    for slope in (0.1, 1.0, 10.0):
        ramp = [slope * i for i in range(60)]
        assert not escalation(_days(ramp))["signal"].any(), slope


def test_accelerating_rise_does_signal() -> None:
    values = [1.0] * 20 + [1.0 * 2**i for i in range(1, 8)]
    assert escalation(_days(values))["signal"].any()


def test_no_signal_without_enough_history() -> None:
    out = escalation(_days([0.0] * 5 + [50.0]))
    assert not out["signal"].any()
    assert out["threshold"].isna().all()


def test_store_escalation_signals(store: Store) -> None:
    quiet = [dyad_record(f"q{i}", f"2024-01-{i + 1:02d}", "USA", "CHN", "CONSULT")
             for i in range(20)]
    spike = dyad_record("spike", "2024-01-21", "CHN", "USA", "THREATEN", n=3)
    other = [dyad_record(f"r{i}", f"2024-01-{i + 1:02d}", "RUS", "UKR", "ACCUSE")
             for i in range(21)]
    store.ingest([*quiet, spike, *other])
    signals = store.escalation()
    assert len(signals) == 1
    row = signals.iloc[0]
    assert (row["a"], row["b"], row["date"]) == ("CHN", "USA", pd.Timestamp("2024-01-21"))
    assert row["score"] == 21.0
    assert store.escalation(since="2024-01-22").empty
