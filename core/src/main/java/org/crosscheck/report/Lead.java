package org.crosscheck.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A story's lead, composed from its report in up to three cited lines: what happened (the most
 * widely stated fact, as its short statement), what is agreed (how many facts several outlets
 * state and the independent origins behind them) and what is disputed (each conflict's heading
 * and values). Nothing in it is new: each line restates the report and cites its spans.
 *
 * @param lines the lines, in that order; the disputed line says so when nothing is disputed
 */
public record Lead(List<Line> lines) {
  public Lead {
    lines = List.copyOf(lines);
  }

  /**
   * One line of the lead.
   *
   * @param label what it tells: {@code What happened}, {@code Agreed} or {@code Disputed}
   * @param text the line
   * @param evidence the spans it rests on
   */
  public record Line(String label, String text, List<StoryReport.Evidence> evidence) {
    public Line {
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * @param r the report
   * @param citations how its outlets are shown
   * @return its lead; empty lines when the report holds no fact at all
   */
  public static Lead of(StoryReport r, Citations citations) {
    List<Line> lines = new ArrayList<>();
    int outlets = (int) r.story().articles().stream().filter(a -> a.copyOf() == null)
        .map(a -> a.outlet() == null ? a.id() : a.outlet()).distinct().count();
    StoryReport.Fact top = happened(r.consensus(), citations);
    if (top != null) {
      lines.add(new Line("What happened", ShortStatement.of(top.text()) + " " + top.outlets().size() + " of "
          + outlets + " outlets state it.", top.evidence()));
    } else if (!r.exclusives().isEmpty()) {
      StoryReport.Sentence x = r.exclusives().getFirst();
      lines.add(new Line("What happened", ShortStatement.of(x.text()) + " Only " + Citations.outlets(x.outlets())
          + " states it.", x.evidence()));
    }
    if (!r.consensus().isEmpty()) {
      lines.add(agreed(r.consensus()));
    }
    if (top != null || !r.exclusives().isEmpty()) {
      lines.add(disputed(r.conflicts()));
    }
    return new Lead(lines);
  }

  /**
   * @return among the facts stated by the most outlets (or one fewer), the one its outlets state earliest in their
   *     articles (the median paragraph): a news lead rather than a detail many articles repeat
   */
  private static StoryReport.Fact happened(List<StoryReport.Fact> consensus, Citations citations) {
    int most = consensus.stream().mapToInt(f -> f.outlets().size()).max().orElse(0);
    return consensus.stream().filter(f -> f.outlets().size() >= Math.max(2, most - 1))
        .min(Comparator.comparingDouble((StoryReport.Fact f) -> medianPosition(f, citations))
            .thenComparing(f -> -f.outlets().size()))
        .orElse(null);
  }

  private static double medianPosition(StoryReport.Fact f, Citations citations) {
    List<Integer> at = f.evidence().stream().map(x -> {
      Integer p = citations.paragraph(x);
      return p == null ? x.start() / 400 + 1 : p;
    }).sorted().toList();
    return at.isEmpty() ? Double.MAX_VALUE : at.size() % 2 == 1 ? at.get(at.size() / 2)
        : (at.get(at.size() / 2 - 1) + at.get(at.size() / 2)) / 2.0;
  }

  /** @return how many facts several outlets state and the origin most of them rest on, citing where each outlet relays it */
  private static Line agreed(List<StoryReport.Fact> consensus) {
    Map<String, Integer> factsByOrigin = new LinkedHashMap<>();
    Map<String, Set<String>> outletsByOrigin = new LinkedHashMap<>();
    for (StoryReport.Fact f : consensus) {
      for (StoryReport.Origin o : f.origins()) {
        factsByOrigin.merge(o.name(), 1, Integer::sum);
        outletsByOrigin.computeIfAbsent(o.name(), n -> new LinkedHashSet<>()).addAll(o.outlets());
      }
    }
    String main = factsByOrigin.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
        .orElse(null);
    long single = consensus.stream().filter(f -> f.origins().size() == 1).count();
    StringBuilder b = new StringBuilder();
    b.append(consensus.size()).append(consensus.size() == 1 ? " fact is" : " facts are")
        .append(" stated by two outlets or more");
    List<StoryReport.Evidence> cited = new ArrayList<>();
    if (main != null) {
      int n = factsByOrigin.get(main);
      Set<String> via = outletsByOrigin.get(main);
      b.append("; ").append(n == consensus.size() ? (n == 1 ? "it comes" : "all come") : n + " of them come")
          .append(" from one source, ").append(main).append(", which ").append(via.size())
          .append(via.size() == 1 ? " outlet relays" : " outlets relay");
      // where each outlet relays the main origin: its first sentence stating a fact from it
      Set<String> seen = new LinkedHashSet<>();
      for (StoryReport.Fact f : consensus) {
        if (f.origins().stream().noneMatch(o -> o.name().equals(main))) {
          continue;
        }
        for (int i = 0; i < f.evidence().size() && i < f.outlets().size(); i++) {
          String outlet = f.outlets().get(i);
          if (via.contains(outlet) && seen.add(outlet)) {
            cited.add(f.evidence().get(i));
          }
        }
      }
      b.append(single == consensus.size() ? "" : "; " + (consensus.size() - single) + " rest on two independent "
          + "origins or more");
    }
    if (cited.isEmpty()) {
      cited.addAll(consensus.getFirst().evidence());
    }
    return new Line("Agreed", b.append('.').toString(), cited);
  }

  /** @return each conflict's heading and its values with their outlets, citing each value's words */
  private static Line disputed(List<StoryReport.Conflict> conflicts) {
    if (conflicts.isEmpty()) {
      return new Line("Disputed", "No outlets contradict each other on dates, amounts or names.", List.of());
    }
    List<String> parts = new ArrayList<>();
    List<StoryReport.Evidence> cited = new ArrayList<>();
    for (StoryReport.Conflict c : conflicts) {
      parts.add(c.heading() + ": " + String.join(" vs ", c.sides().stream().map(s -> s.value() + " ("
          + Citations.outlets(s.outlets()) + ")").toList()));
      c.sides().forEach(s -> cited.add(s.evidence().getFirst()));
    }
    return new Line("Disputed", String.join("; ", parts) + ".", cited);
  }
}
