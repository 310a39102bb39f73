"""The Axelrod library's side of the tournament benchmark (docs/PERFORMANCE.md).

Six classic strategies, 50 turns, 100 repetitions, every pair including self-play, measured
as a whole in one process. Run: python3 benches/axelrod_workload.py  (pip install axelrod)
"""
import sys
import time

import axelrod as axl

def main():
    players = [
        axl.Cooperator(),
        axl.Defector(),
        axl.TitForTat(),
        axl.Grudger(),
        axl.Alternator(),
        axl.WinStayLoseShift(),
    ]
    # No argument: Axelrod's serial run; a number: that many worker processes.
    processes = int(sys.argv[1]) if len(sys.argv) > 1 else None
    start = time.perf_counter()
    cpu = time.process_time()
    tournament = axl.Tournament(players, turns=50, repetitions=100, seed=1)
    results = tournament.play(progress_bar=False, processes=processes)
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu
    print(f"axelrod {axl.__version__}: {elapsed:.3f} s wall, {cpu:.3f} s CPU of this process "
          f"(processes={processes})")
    for name in results.ranked_names:
        print(f"  {name}")


if __name__ == "__main__":
    main()
