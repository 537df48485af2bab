#!/usr/bin/env python3
"""Writes the numpy reference data that the Java tests compare against.

Run once with a Python that has numpy (the tests themselves never need numpy):

    python3 lib/src/test/python/make_reference.py

Every exercise below follows the step order and random-draw order of the tutorial
"LIF Neuron Part I" (Neuromatch Academy). Floats are written with repr(), which
round-trips exactly. One value per line, or space-separated columns.
"""
import os
import sys

import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "resources", "reference")

t_max = 150e-3   # s
dt = 1e-3        # s
tau = 20e-3      # s
el = -60e-3      # V
vr = -70e-3      # V
vth = -50e-3     # V
r = 100e6        # ohm
i_mean = 25e-11  # A


def write(name, rows, header):
    with open(os.path.join(OUT, name), "w") as f:
        f.write("# " + header + "\n")
        f.write("# numpy " + np.__version__ + ", python " + sys.version.split()[0] + "\n")
        for row in rows:
            if isinstance(row, (list, tuple, np.ndarray)):
                f.write(" ".join(repr(float(x)) for x in row) + "\n")
            else:
                f.write(repr(float(row)) + "\n")


def random_stream():
    for seed in (2020, 0, 12345):
        np.random.seed(seed)
        write(f"random_seed{seed}.txt", np.random.random(10000),
              f"np.random.seed({seed}); np.random.random(10000)")
    # The top of numpy's integer seed range, and an array seed (init_by_array, the parallel chunks' streams).
    np.random.seed(4294967295)
    write("random_seed4294967295.txt", np.random.random(100), "np.random.seed(4294967295); random(100)")
    np.random.seed([2020, 3])
    write("random_seed_array_2020_3.txt", np.random.random(100), "np.random.seed([2020, 3]); random(100)")
    # Mixed calls continue one stream: scalar, vector, then a row-major matrix.
    np.random.seed(7)
    rows = [np.random.random()] + list(np.random.random(5)) + list(np.random.random((3, 4)).ravel())
    write("random_mixed_seed7.txt", rows,
          "np.random.seed(7); random(); random(5); random((3, 4)).ravel()")


def exercise2():
    rows = []
    for step in range(10):
        t = step * dt
        rows.append(i_mean * (1 + np.sin((t * 2 * np.pi) / 0.01)))
    write("ex02_current.txt", rows, "exercise 2: i for step in range(10)")


def exercise4():
    rows = []
    v = el
    for step in range(10):
        t = step * dt
        i = i_mean * (1 + np.sin((t * 2 * np.pi) / 0.01))
        rows.append((t, v))  # printed before the update, as in the SAMPLE OUTPUT
        v = v + dt / tau * (el - v + r * i)
    write("ex04_t_v.txt", rows, "exercise 4: t, v printed before the update")


def exercise6():
    rows = []
    v = el
    for step in range(int(t_max / dt)):
        t = step * dt
        i = i_mean * (1 + np.sin((t * 2 * np.pi) / 0.01))
        v = v + dt / tau * (el - v + r * i)
        rows.append((t, v))
    write("ex06_t_v.txt", rows, "exercise 6: t, v plotted after the update")


def exercise7():
    np.random.seed(2020)
    rows = []
    v = el
    for step in range(int(t_max / dt)):
        t = step * dt
        random_num = 2 * np.random.random() - 1
        i = i_mean * (1 + 0.1 * (t_max / dt) ** (0.5) * random_num)
        v = v + dt / tau * (el - v + r * i)
        rows.append((t, v))
    write("ex07_t_v.txt", rows, "exercise 7: seed 2020, one draw per step, t, v after the update")


def exercise8to10():
    np.random.seed(2020)
    n = 50
    v_n = [el] * n
    traj, stats = [], []
    for step in range(int(t_max / dt)):
        t = step * dt
        for j in range(0, n):
            i = i_mean * (1 + 0.1 * (t_max / dt) ** (0.5) * (2 * np.random.random() - 1))
            v_n[j] = v_n[j] + (dt / tau) * (el - v_n[j] + r * i)
        v_mean = sum(v_n) / n
        v_var_n = [(v - v_mean) ** 2 for v in v_n]
        v_var = sum(v_var_n) / (n - 1)
        v_std = np.sqrt(v_var)
        traj.append(list(v_n))
        stats.append((t, v_mean, v_var, v_std))
    write("ex08_vn.txt", traj, "exercises 8-10: v_n (50 values) after each step, one line per step")
    write("ex10_t_mean_var_std.txt", stats, "exercises 9-10: t, mean, var (N-1), std per step")


def exercise11():
    np.random.seed(2020)
    step_end = int(t_max / dt) - 1
    t_range = np.linspace(0, t_max, num=step_end, endpoint=False)
    v = el * np.ones(step_end)
    i = i_mean * (1 + 0.1 * (t_max / dt) ** (0.5) * (2 * np.random.random(step_end) - 1))
    for step in range(1, step_end):
        v[step] = v[step - 1] + (dt / tau) * (el - v[step - 1] + r * i[step])
    write("ex11_t_i_v.txt", zip(t_range, i, v), "exercise 11/12: t_range, i, v")


def exercise13and14():
    np.random.seed(2020)
    step_end = int(t_max / dt)
    n = 50
    t_range = np.linspace(0, t_max, num=step_end)
    v_n = el * np.ones([n, step_end])
    i = i_mean * (1 + 0.1 * (t_max / dt) ** (0.5) * (2 * np.random.random([n, step_end]) - 1))
    for step in range(1, step_end):
        v_n[:, step] = v_n[:, step - 1] + (dt / tau) * (el - v_n[:, step - 1] + r * i[:, step])
    v_mean = np.mean(v_n, axis=0)
    v_std = np.std(v_n, axis=0)
    write("ex13_vn.txt", v_n, "exercise 13: v_n, one line per neuron (50 x 150)")
    write("ex14_t_mean_std.txt", zip(t_range, v_mean, v_std, np.std(v_n, axis=0, ddof=1)),
          "exercise 14: t_range, np.mean(axis=0), np.std(axis=0), np.std(axis=0, ddof=1)")


def linspace():
    rows = [np.linspace(0, t_max, num=150), np.linspace(0, t_max, num=149, endpoint=False),
            np.linspace(-1.5, 2.0, num=7), np.linspace(0.0, 1.0, num=10, endpoint=False)]
    write("linspace.txt", rows, "linspace(0,.15,150); (0,.15,149,endpoint=False); (-1.5,2,7); (0,1,10,endpoint=False)")


def autocovariance():
    # Section 5 defines C(t, s) with 1/(N-1); np.cov(rows=variables) uses the same normalisation.
    np.random.seed(3)
    x = np.random.random((6, 4))  # 6 realisations (rows) of 4 time steps
    write("autocov_input.txt", x, "np.random.seed(3); random((6, 4)): 6 neurons x 4 steps")
    write("autocov_expected.txt", np.cov(x, rowvar=False), "np.cov(x, rowvar=False): 4 x 4, ddof 1")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    random_stream()
    exercise2()
    exercise4()
    exercise6()
    exercise7()
    exercise8to10()
    exercise11()
    exercise13and14()
    linspace()
    autocovariance()
