#!/usr/bin/env python3
"""Writes the numpy reference data for the notebooks' figures (run once, with a Python that has numpy):

    python3 tests/notebooks/reference/make_reference.py

Each exNN.json holds the traces of one notebook figure, in the order the Java figure draws them:
{"figure": "...", "traces": [{"name": ..., "x": [...], "y": [...]}, ...]}. Every exercise follows the
tutorial's own step order and random-draw order (np.random.seed(2020)). Floats are written by json, which
uses repr(): they read back exactly. The notebook tests compare against these files and never need numpy.
"""
import json
import os
import sys

import numpy as np

OUT = os.path.dirname(os.path.abspath(__file__))

t_max = 150e-3   # s
dt = 1e-3        # s
tau = 20e-3      # s
el = -60e-3      # V
vr = -70e-3      # V
vth = -50e-3     # V
r = 100e6        # ohm
i_mean = 25e-11  # A


def write(name, description, traces):
    doc = {"figure": description, "numpy": np.__version__, "python": sys.version.split()[0],
           "traces": [{"name": n, "x": [float(a) for a in x], "y": [float(b) for b in y]} for n, x, y in traces]}
    with open(os.path.join(OUT, name + ".json"), "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"))
        f.write("\n")


def sine(t):
    return i_mean * (1 + np.sin((t * 2 * np.pi) / 0.01))


def ex05():
    t = [step * dt for step in range(25)]
    write("ex05", "Exercise 5: I(t) at t = step*dt, 25 steps", [("i", t, [sine(x) for x in t])])
    t_fine = np.linspace(0, 24 * dt, 241)
    write("ex05-continuous", "Exercise 5 with the continuous I(t) on np.linspace(0, 0.024, 241)",
          [("i", t, [sine(x) for x in t]), ("continuous", t_fine, sine(t_fine))])


def ex06():
    ts, vs, v = [], [], el
    for step in range(int(t_max / dt)):
        t = step * dt
        v = v + dt / tau * (el - v + r * sine(t))
        ts.append(t)
        vs.append(v)
    write("ex06", "Exercise 6: v after each update, plotted at t = step*dt", [("v", ts, vs)])


def ex07():
    np.random.seed(2020)
    ts, vs, v = [], [], el
    for step in range(int(t_max / dt)):
        t = step * dt
        random_num = 2 * np.random.random() - 1
        i = i_mean * (1 + 0.1 * (t_max / dt) ** (0.5) * random_num)
        v = v + dt / tau * (el - v + r * i)
        ts.append(t)
        vs.append(v)
    write("ex07", "Exercise 7: random input, seed 2020, one draw per step", [("v", ts, vs)])


def ex08_to_10():
    np.random.seed(2020)
    step_end, n = int(t_max / dt), 50
    v_n = [el] * n
    ts, record, means, stds = [], [[] for _ in range(n)], [], []
    for step in range(step_end):
        t = step * dt
        for j in range(0, n):
            i = i_mean * (1 + 0.1 * (t_max / dt) ** (0.5) * (2 * np.random.random() - 1))
            v_n[j] = v_n[j] + (dt / tau) * (el - v_n[j] + r * i)
        v_mean = sum(v_n) / n
        v_var_n = [(v - v_mean) ** 2 for v in v_n]
        v_var = sum(v_var_n) / (n - 1)
        v_std = np.sqrt(v_var)
        ts.append(t)
        for j in range(n):
            record[j].append(v_n[j])
        means.append(v_mean)
        stds.append(v_std)
    neurons = [("v_n[%d]" % j, ts, record[j]) for j in range(n)]
    write("ex08", "Exercise 8: 50 realizations (one trace per neuron)", neurons)
    write("ex09", "Exercise 9: realizations and the sample mean", neurons + [("mean", ts, means)])
    plus = [m + s for m, s in zip(means, stds)]
    minus = [m - s for m, s in zip(means, stds)]
    write("ex10", "Exercise 10: realizations, mean, mean +- sample std (N-1)",
          neurons + [("mean", ts, means), ("mean + std", ts, plus), ("mean - std", ts, minus)])


def ex11_12():
    np.random.seed(2020)
    step_end = int(t_max / dt) - 1
    t_range = np.linspace(0, t_max, num=step_end, endpoint=False)
    v = el * np.ones(step_end)
    i = i_mean * (1 + 0.1 * (t_max / dt) ** (0.5) * (2 * np.random.random(step_end) - 1))
    for step in range(1, step_end):
        v[step] = v[step - 1] + (dt / tau) * (el - v[step - 1] + r * i[step])
    write("ex11", "Exercise 11: arrays, step_end = int(t_max/dt) - 1, v[step] uses i[step]", [("v", t_range, v)])
    write("ex12", "Exercise 12: as Exercise 11 (enumerate), drawn as a line", [("v", t_range, v)])


def ex13_14():
    np.random.seed(2020)
    step_end, n = int(t_max / dt), 50
    t_range = np.linspace(0, t_max, num=step_end)
    v_n = el * np.ones([n, step_end])
    i = i_mean * (1 + 0.1 * (t_max / dt) ** (0.5) * (2 * np.random.random([n, step_end]) - 1))
    for step in range(1, step_end):
        v_n[:, step] = v_n[:, step - 1] + (dt / tau) * (el - v_n[:, step - 1] + r * i[:, step])
    v_mean = np.mean(v_n, axis=0)
    v_std = np.std(v_n, axis=0)
    neurons = [("v_n[%d]" % j, t_range, v_n[j]) for j in range(n)]
    write("ex13", "Exercise 13: 2-D array, 50 realizations", neurons)
    write("ex14", "Exercise 14: realizations, mean, mean +- np.std (ddof=0)",
          neurons + [("mean", t_range, v_mean), ("mean + std", t_range, v_mean + v_std),
                     ("mean - std", t_range, v_mean - v_std)])


if __name__ == "__main__":
    ex05()
    ex06()
    ex07()
    ex08_to_10()
    ex11_12()
    ex13_14()
