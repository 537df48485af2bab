#!/usr/bin/env python3
"""Writes every numpy reference data set the project's tests compare against (run once, with a Python
that has numpy; the tests themselves never need numpy):

    python3 lib/src/test/python/make_reference.py

Two data sets, from one set of tutorial runs:
- lib/src/test/resources/reference/*.txt, for the library's unit tests: one value per line, or
  space-separated columns, after a "# ..." header. Floats are written with repr(), which round-trips.
- tests/notebooks/reference/exNN.json, for the notebook tests: the traces of one notebook figure, in
  the order the Java figure draws them: {"figure": ..., "traces": [{"name", "x", "y"}, ...]}.
  json writes floats with repr() too.

Every exercise follows the step order and random-draw order of the tutorial "LIF Neuron Part I"
(Neuromatch Academy), seed 2020, and is computed once here (the tutorial's parameters are named once).
"""
import json
import os
import sys

import numpy as np

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".."))
LIB_OUT = os.path.join(ROOT, "lib", "src", "test", "resources", "reference")
NOTEBOOK_OUT = os.path.join(ROOT, "tests", "notebooks", "reference")

# The tutorial's parameters (SI units).
t_max = 150e-3   # s
dt = 1e-3        # s
tau = 20e-3      # s
el = -60e-3      # V
vr = -70e-3      # V
vth = -50e-3     # V
r = 100e6        # ohm
i_mean = 25e-11  # A


# ---------------------------------------------------------------- the tutorial's runs, each done once

def sine(t):
    """Exercise 2's current, A."""
    return i_mean * (1 + np.sin((t * 2 * np.pi) / 0.01))


def noise(u):
    """The tutorial's random current for a uniform draw u in [0, 1), A."""
    return i_mean * (1 + 0.1 * (t_max / dt) ** (0.5) * (2 * u - 1))


def exercise6():
    """Sinusoidal input, Euler: (t, v after the update) per step."""
    ts, vs, v = [], [], el
    for step in range(int(t_max / dt)):
        t = step * dt
        v = v + dt / tau * (el - v + r * sine(t))
        ts.append(t)
        vs.append(v)
    return ts, vs


def exercise7():
    """Random input, one draw per step."""
    np.random.seed(2020)
    ts, vs, v = [], [], el
    for step in range(int(t_max / dt)):
        t = step * dt
        random_num = 2 * np.random.random() - 1
        i = i_mean * (1 + 0.1 * (t_max / dt) ** (0.5) * random_num)
        v = v + dt / tau * (el - v + r * i)
        ts.append(t)
        vs.append(v)
    return ts, vs


def exercises8to10():
    """50 neurons, for each step for each neuron one draw; mean and sample (N-1) variance per step."""
    np.random.seed(2020)
    n = 50
    v_n = [el] * n
    ts, by_step, means, variances, stds = [], [], [], [], []
    for step in range(int(t_max / dt)):
        t = step * dt
        for j in range(0, n):
            i = i_mean * (1 + 0.1 * (t_max / dt) ** (0.5) * (2 * np.random.random() - 1))
            v_n[j] = v_n[j] + (dt / tau) * (el - v_n[j] + r * i)
        v_mean = sum(v_n) / n
        v_var_n = [(v - v_mean) ** 2 for v in v_n]
        v_var = sum(v_var_n) / (n - 1)
        v_std = np.sqrt(v_var)
        ts.append(t)
        by_step.append(list(v_n))
        means.append(v_mean)
        variances.append(v_var)
        stds.append(v_std)
    return ts, by_step, means, variances, stds


def exercise11():
    """Arrays: step_end = int(t_max/dt) - 1, v[step] uses i[step]."""
    np.random.seed(2020)
    step_end = int(t_max / dt) - 1
    t_range = np.linspace(0, t_max, num=step_end, endpoint=False)
    v = el * np.ones(step_end)
    i = i_mean * (1 + 0.1 * (t_max / dt) ** (0.5) * (2 * np.random.random(step_end) - 1))
    for step in range(1, step_end):
        v[step] = v[step - 1] + (dt / tau) * (el - v[step - 1] + r * i[step])
    return t_range, i, v


def exercise13(n=50):
    """n x 150 array (50 in the tutorial), draws row-major; np.mean and np.std over the neurons."""
    np.random.seed(2020)
    step_end = int(t_max / dt)
    t_range = np.linspace(0, t_max, num=step_end)
    v_n = el * np.ones([n, step_end])
    i = i_mean * (1 + 0.1 * (t_max / dt) ** (0.5) * (2 * np.random.random([n, step_end]) - 1))
    for step in range(1, step_end):
        v_n[:, step] = v_n[:, step - 1] + (dt / tau) * (el - v_n[:, step - 1] + r * i[:, step])
    return t_range, v_n


# ---------------------------------------------------------------- the library's unit-test data

def write_txt(name, rows, header):
    with open(os.path.join(LIB_OUT, name), "w") as f:
        f.write("# " + header + "\n")
        f.write("# numpy " + np.__version__ + ", python " + sys.version.split()[0] + "\n")
        for row in rows:
            if isinstance(row, (list, tuple, np.ndarray)):
                f.write(" ".join(repr(float(x)) for x in row) + "\n")
            else:
                f.write(repr(float(row)) + "\n")


def lib_reference():
    for seed in (2020, 0, 12345):
        np.random.seed(seed)
        write_txt(f"random_seed{seed}.txt", np.random.random(10000),
                  f"np.random.seed({seed}); np.random.random(10000)")
    # The top of numpy's integer seed range, and an array seed (init_by_array).
    np.random.seed(4294967295)
    write_txt("random_seed4294967295.txt", np.random.random(100), "np.random.seed(4294967295); random(100)")
    np.random.seed([2020, 3])
    write_txt("random_seed_array_2020_3.txt", np.random.random(100), "np.random.seed([2020, 3]); random(100)")
    # Mixed calls continue one stream: scalar, vector, then a row-major matrix.
    np.random.seed(7)
    rows = [np.random.random()] + list(np.random.random(5)) + list(np.random.random((3, 4)).ravel())
    write_txt("random_mixed_seed7.txt", rows, "np.random.seed(7); random(); random(5); random((3, 4)).ravel()")

    write_txt("ex02_current.txt", [sine(step * dt) for step in range(10)], "exercise 2: i for step in range(10)")

    rows, v = [], el
    for step in range(10):
        t = step * dt
        rows.append((t, v))  # printed before the update, as in the SAMPLE OUTPUT
        v = v + dt / tau * (el - v + r * sine(t))
    write_txt("ex04_t_v.txt", rows, "exercise 4: t, v printed before the update")

    write_txt("ex06_t_v.txt", zip(*exercise6()), "exercise 6: t, v plotted after the update")
    write_txt("ex07_t_v.txt", zip(*exercise7()), "exercise 7: seed 2020, one draw per step, t, v after the update")

    ts, by_step, means, variances, stds = exercises8to10()
    write_txt("ex08_vn.txt", by_step, "exercises 8-10: v_n (50 values) after each step, one line per step")
    write_txt("ex10_t_mean_var_std.txt", zip(ts, means, variances, stds),
              "exercises 9-10: t, mean, var (N-1), std per step")

    write_txt("ex11_t_i_v.txt", zip(*exercise11()), "exercise 11/12: t_range, i, v")

    t_range, v_n = exercise13()
    write_txt("ex13_vn.txt", v_n, "exercise 13: v_n, one line per neuron (50 x 150)")
    # The same run with 20,000 neurons: its last 10 neurons draw far into the stream (words 2*150*19990 on),
    # where a jumped-ahead thread of the Java engine starts; the first 50 neurons are Exercise 13's.
    write_txt("ex13_vn_20000_last10.txt", exercise13(20000)[1][-10:],
              "exercise 13 with n = 20000: v_n of neurons 19990..19999, one line per neuron")
    write_txt("ex14_t_mean_std.txt",
              zip(t_range, np.mean(v_n, axis=0), np.std(v_n, axis=0), np.std(v_n, axis=0, ddof=1)),
              "exercise 14: t_range, np.mean(axis=0), np.std(axis=0), np.std(axis=0, ddof=1)")

    rows = [np.linspace(0, t_max, num=150), np.linspace(0, t_max, num=149, endpoint=False),
            np.linspace(-1.5, 2.0, num=7), np.linspace(0.0, 1.0, num=10, endpoint=False)]
    write_txt("linspace.txt", rows,
              "linspace(0,.15,150); (0,.15,149,endpoint=False); (-1.5,2,7); (0,1,10,endpoint=False)")

    # Section 5 defines C(t, s) with 1/(N-1); np.cov(rows=variables) uses the same normalisation.
    np.random.seed(3)
    x = np.random.random((6, 4))  # 6 realisations (rows) of 4 time steps
    write_txt("autocov_input.txt", x, "np.random.seed(3); random((6, 4)): 6 neurons x 4 steps")
    write_txt("autocov_expected.txt", np.cov(x, rowvar=False), "np.cov(x, rowvar=False): 4 x 4, ddof 1")


# ---------------------------------------------------------------- the notebooks' figure data

def write_json(name, description, traces):
    doc = {"figure": description, "numpy": np.__version__, "python": sys.version.split()[0],
           "traces": [{"name": n, "x": [float(a) for a in x], "y": [float(b) for b in y]} for n, x, y in traces]}
    with open(os.path.join(NOTEBOOK_OUT, name + ".json"), "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"))
        f.write("\n")


def notebook_reference():
    t = [step * dt for step in range(25)]
    write_json("ex05", "Exercise 5: I(t) at t = step*dt, 25 steps", [("i", t, [sine(x) for x in t])])
    t_fine = np.linspace(0, 24 * dt, 241)
    write_json("ex05-continuous", "Exercise 5 with the continuous I(t) on np.linspace(0, 0.024, 241)",
               [("i", t, [sine(x) for x in t]), ("continuous", t_fine, sine(t_fine))])

    ts, vs = exercise6()
    write_json("ex06", "Exercise 6: v after each update, plotted at t = step*dt", [("v", ts, vs)])
    ts, vs = exercise7()
    write_json("ex07", "Exercise 7: random input, seed 2020, one draw per step", [("v", ts, vs)])

    ts, by_step, means, _, stds = exercises8to10()
    # as the original plots them: plt.plot(n*[t], v_n, ...) inside the step loop, one trace per step
    steps = [("step %d" % k, [t] * len(row), row) for k, (t, row) in enumerate(zip(ts, by_step))]
    write_json("ex08", "Exercise 8: 50 realizations, one trace per step (n*[t], v_n)", steps)
    write_json("ex09", "Exercise 9: realizations and the sample mean", steps + [("mean", ts, means)])
    plus = [m + s for m, s in zip(means, stds)]
    minus = [m - s for m, s in zip(means, stds)]
    write_json("ex10", "Exercise 10: realizations, mean, mean +- sample std (N-1)",
               steps + [("mean", ts, means), ("mean + std", ts, plus), ("mean - std", ts, minus)])

    t_range, _, v = exercise11()
    write_json("ex11", "Exercise 11: arrays, step_end = int(t_max/dt) - 1, v[step] uses i[step]", [("v", t_range, v)])
    write_json("ex12", "Exercise 12: as Exercise 11 (enumerate), drawn as a line", [("v", t_range, v)])

    t_range, v_n = exercise13()
    v_mean = np.mean(v_n, axis=0)
    v_std = np.std(v_n, axis=0)
    neurons = [("v_n[%d]" % j, t_range, v_n[j]) for j in range(50)]
    write_json("ex13", "Exercise 13: 2-D array, 50 realizations", neurons)
    write_json("ex14", "Exercise 14: realizations, mean, mean +- np.std (ddof=0)",
               neurons + [("mean", t_range, v_mean), ("mean + std", t_range, v_mean + v_std),
                          ("mean - std", t_range, v_mean - v_std)])


if __name__ == "__main__":
    os.makedirs(LIB_OUT, exist_ok=True)
    os.makedirs(NOTEBOOK_OUT, exist_ok=True)
    lib_reference()
    notebook_reference()
