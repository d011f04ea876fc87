package org.crosscheck.cli;

import java.io.PrintWriter;
import java.util.Locale;
import org.crosscheck.ingest.Limits;

/**
 * A one-line progress bar redrawn in place on a terminal; silent when output is not a terminal.
 * Not thread-safe.
 */
final class ProgressBar {
  private static final int WIDTH = 30;
  private static final long REDRAW_MILLIS = 100;
  private final PrintWriter out;
  private final boolean enabled;
  private long total;
  private long lastDraw;
  private boolean drawn;

  ProgressBar(PrintWriter out, boolean enabled) {
    this.out = out;
    this.enabled = enabled;
  }

  /** @return whether the process's output is an interactive terminal */
  static boolean onTerminal() {
    var console = System.console();
    if (console == null) {
      return false;
    }
    try {
      return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true; // before JDK 22 a console exists only on a terminal
    }
  }

  void total(long bytes) {
    this.total = bytes;
  }

  void update(long bytesDone, long articles) {
    long now = System.currentTimeMillis();
    if (!enabled || total <= 0 || now - lastDraw < REDRAW_MILLIS) {
      return;
    }
    lastDraw = now;
    double f = Math.min(1.0, bytesDone / (double) total);
    int filled = (int) Math.round(f * WIDTH);
    out.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  %,d articles  %s of %s ",
        "#".repeat(filled), " ".repeat(WIDTH - filled), Math.round(f * 100), articles,
        Limits.formatBytes(bytesDone), Limits.formatBytes(total)));
    out.flush();
    drawn = true;
  }

  /** Erases the bar so that a normal line can be printed. */
  void clear() {
    if (drawn) {
      out.print("\r" + " ".repeat(WIDTH + 60) + "\r");
      out.flush();
      drawn = false;
    }
  }
}
