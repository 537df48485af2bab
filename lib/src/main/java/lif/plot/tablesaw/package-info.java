/**
 * Tablesaw's figures read into the plotly model of {@link lif.plot}: {@link lif.plot.tablesaw.TablesawFigures}
 * converts any Tablesaw {@code Figure} or trace (through its own plotly script, parsed by {@code TablesawJs}). The
 * learner never calls it: {@code Plots.show(figure)}, {@code PlotBuilder.trace(trace)} and {@code FigureBundle.of}
 * do. The model itself knows nothing of Tablesaw.
 */
package lif.plot.tablesaw;
