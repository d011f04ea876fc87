package org.crosscheck.engine.flink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.InternalTimer;
import org.apache.flink.streaming.api.operators.InternalTimerService;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.operators.Triggerable;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.crosscheck.engine.StoreLocator;
import org.crosscheck.model.StoryId;
import org.crosscheck.pipeline.Pipeline;
import org.crosscheck.report.ReportBuilder;
import org.crosscheck.store.Store;

/**
 * Rebuilds the report of each changed story at most once per interval: the first change of a story
 * sets a processing-time timer one interval ahead (in keyed state, so it survives a restore), later
 * changes before it fires wait for it, and when it fires the report is built from what the store
 * holds then ({@link ReportBuilder#report}, which stores it with its fingerprint, so building it
 * again for an unchanged story reads it back). At the end of a bounded input the stories still
 * waiting are built at once. A report that fails to build is counted ({@value #FAILED}) and
 * skipped, so one story cannot stop the job; built ones are counted in {@value #BUILT}. Keyed by
 * story id; runs at the job's parallelism.
 */
final class ReportDebouncer extends AbstractStreamOperator<Void>
    implements OneInputStreamOperator<StoryChange, Void>, Triggerable<String, String>, BoundedOneInput {
  private static final long serialVersionUID = 1L;
  /** Accumulator: reports built. */
  static final String BUILT = "reportsBuilt";
  /** Accumulator: reports that failed to build. */
  static final String FAILED = "reportsFailed";

  private final StoreLocator locator;
  private final long intervalMillis;
  private transient InternalTimerService<String> timers;
  private transient ValueState<Long> due;
  private transient Store store;
  private transient ReportBuilder reports;
  private transient LongCounter built;
  private transient LongCounter failed;

  /**
   * @param locator the store the reports are built from and kept in
   * @param interval the shortest time between two builds of one story's report
   */
  ReportDebouncer(StoreLocator locator, Duration interval) {
    this.locator = Objects.requireNonNull(locator, "locator");
    this.intervalMillis = interval.toMillis();
  }

  @Override
  public void open() throws Exception {
    super.open();
    timers = getInternalTimerService("report-due", StringSerializer.INSTANCE, this);
    due = getKeyedStateStore().getState(new ValueStateDescriptor<>("report-due", Types.LONG));
    store = locator.open();
    reports = Pipeline.builder().store(store).models(TaskModels.shared()).buildReporter();
    built = getRuntimeContext().getLongCounter(BUILT);
    failed = getRuntimeContext().getLongCounter(FAILED);
  }

  @Override
  public void processElement(StreamRecord<StoryChange> element) throws Exception {
    if (due.value() == null) {
      long at = timers.currentProcessingTime() + intervalMillis;
      timers.registerProcessingTimeTimer(element.getValue().story().value(), at);
      due.update(at);
    }
  }

  @Override
  public void onProcessingTime(InternalTimer<String, String> timer) throws Exception {
    due.clear();
    build(timer.getNamespace());
  }

  @Override
  public void onEventTime(InternalTimer<String, String> timer) {
    // reports are timed by processing time only
  }

  @Override
  public void endInput() throws Exception {
    List<String> waiting = new ArrayList<>();
    timers.forEachProcessingTimeTimer((story, at) -> waiting.add(story));
    for (String story : waiting) {
      build(story);
    }
  }

  @Override
  public void close() throws Exception {
    if (store != null) {
      store.close();
    }
    super.close();
  }

  private void build(String story) {
    try {
      reports.report(store, new StoryId(story));
      built.add(1L);
    } catch (RuntimeException e) {
      failed.add(1L);
    }
  }
}
