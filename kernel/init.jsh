// Run by the Java kernel at start-up (LIF_KERNEL_INIT), before the first cell. Imports only, so that
// notebooks show every other line of set-up themselves.
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import lif.*;
import lif.stats.*;
import lif.plot.*;
import tech.tablesaw.plotly.components.*;
import tech.tablesaw.plotly.traces.*;
import static lif.Check.check;
