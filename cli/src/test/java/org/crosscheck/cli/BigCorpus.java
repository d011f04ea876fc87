package org.crosscheck.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.crosscheck.SharedData;

/** Writes large JSONL files of distinct articles made from the real BASIL texts. */
final class BigCorpus {
  private BigCorpus() {}

  /**
   * @param file where to write
   * @param minBytes keep writing articles until the file is at least this large
   * @return the number of articles written
   */
  static int write(Path file, long minBytes) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(SharedData.path("basil-2010-2016.jsonl"), StandardCharsets.UTF_8);
    int n = 0;
    long bytes = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      while (bytes < minBytes) {
        ObjectNode o = (ObjectNode) json.readTree(lines.get(n % lines.size()));
        o.put("id", "big-" + n);
        o.put("text", o.get("text").asText() + "\n\nCopy " + n + ".");
        String line = json.writeValueAsString(o);
        w.write(line);
        w.write('\n');
        bytes += line.getBytes(StandardCharsets.UTF_8).length + 1;
        n++;
      }
    }
    return n;
  }
}
