// Run by the Java kernel at start-up (RJK_INIT_SCRIPT). Imports only: the kernel evaluates this file as
// one snippet, and a statement here would stop the kernel from starting.
import java.util.*;
import java.util.function.*;
import java.util.stream.*;
import lif.*;
import lif.stats.*;
import lif.plot.*;
import tech.tablesaw.plotly.components.*;
import tech.tablesaw.plotly.traces.*;
