// Run by the Java kernel at start-up (LIF_KERNEL_INIT), before the first cell. Imports only, so that
// notebooks show every other line of set-up themselves. The comment after each import line says what it
// brings, in markdown: bin/generate-notebooks shows it in every notebook's imports table, and a test checks
// that each class named in backticks is in that line's package.
import java.util.*;                        // `List`, `ArrayList`, `Arrays`, `Collections`
import java.util.function.*;               // the types of lambdas, e.g. `DoubleUnaryOperator`
import java.util.stream.*;                 // `IntStream`, `DoubleStream`, `Collectors` (streams, notebook 6)
import lif.*;                              // this tutorial's library: `LifParameters`, `Lif`, `Current`, `Trajectory`, `NumpyRandom`, `Np`, `PyFormat`, `Ar1Theory`, `ClosedForm`, `Tutorial`, `Check`
import lif.stats.*;                        // ensemble statistics: `Stats`, `Autocovariance`, `Variance` (which variance: `Variance.SAMPLE` divides by n - 1, `Variance.POPULATION` by n)
import lif.plot.*;                         // figures: `Plots`, `Style`, `PlotlyFigure`
import tech.tablesaw.plotly.components.*;  // the figure classes underneath: `Figure`, `Layout`, `Axis`
import tech.tablesaw.plotly.traces.*;      // the figure's traces: `ScatterTrace`
import static lif.Check.check;             // a *static import*: `check(4, v)` instead of `Check.check(4, v)`
