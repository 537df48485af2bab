// Cells that JavacWarmup compiles and runs in a private JShell while the kernel starts: the kinds of
// statements the tutorial's cells use. Nothing here may print (System.out is the learner's cell output).
//// cell: parameters
double tMax = 0.150;   // s
double dt = 0.001;     // s
double tau = 0.020;    // s
double eL = -0.060;    // V
double vTh = -0.050;   // V
double r = 100e6;      // Ohm
double iMean = 25e-11; // A
int n = 50;
//// cell: loop with a list and a stream
NumpyRandom rng = new NumpyRandom(2020);
int stepEnd = (int) (tMax / dt);
List<Double> vN = new ArrayList<>(Collections.nCopies(n, eL));
double[] ts = new double[stepEnd];
double[][] record = new double[n][stepEnd];
double[] means = new double[stepEnd];
for (int step = 0; step < stepEnd; step++) {
    double t = step * dt;
    for (int j = 0; j < n; j++) {
        double i = iMean * (1 + 0.1 * Math.sqrt(tMax / dt) * (2 * rng.random() - 1));
        vN.set(j, vN.get(j) + (dt / tau) * (eL - vN.get(j) + r * i));
    }
    double sum = 0;
    for (double v : vN) {
        sum += v;
    }
    double vMean = sum / n;
    List<Double> sq = vN.stream().map(v -> (v - vMean) * (v - vMean)).toList();
    double vVar = sq.stream().reduce(0.0, Double::sum) / (n - 1);
    ts[step] = t;
    means[step] = vMean;
    for (int j = 0; j < n; j++) {
        record[j][step] = vN.get(j);
    }
}
String line = String.format("t = %.3f s, V = %.4e V", ts[1], means[1]);
//// cell: arrays and a figure
double[] tRange = Np.linspace(0, tMax, stepEnd);
double[][] u = rng.random(n, stepEnd);
double[][] vA = Np.full(n, stepEnd, eL);
for (int step = 1; step < stepEnd; step++) {
    for (int j = 0; j < n; j++) {
        vA[j][step] = vA[j][step - 1] + (dt / tau) * (eL - vA[j][step - 1] + r * iMean * (1 + 0.1 * (2 * u[j][step] - 1)));
    }
}
var fig = Plots.figure().title("V<sub>m</sub>").xTitle(Plots.TIME_AXIS).yTitle(Plots.VM_AXIS)
    .add("t", ts, "mean", means, Style.dots().color(Plots.C0).label("mean"))
    .build();
FigureBundle bundle = FigureBundle.of(Plots.realizationLines(tRange, vA));
//// cell: library calls, a method, a record
var p = LifParameters.defaults().withTau(0.04);
Trajectory euler = Lif.euler(p).run(Current.sinusoid(p));
double[] dts = {1e-4, 5e-4, 1e-3};
double[] err = new double[dts.length];
for (int k = 0; k < dts.length; k++) {
    var q = p.withDt(dts[k]);
    err[k] = Math.abs(Lif.exact(q).run(Current.sinusoid(q)).v()[1] - euler.v()[1]);
}
double steady(double i) {
    return eL + r * i;
}
record Point(double t, double v) {}
Point last = new Point(ts[stepEnd - 1], steady(iMean));
var stats = Lif.euler(p).ensembleStats(200, new NumpyRandom(1), Variance.SAMPLE);
