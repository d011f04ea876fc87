package org.crosscheck.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crosscheck.store.AlertStore.Alert;

/** An alert as the API and the command line give it in JSON. Stateless. */
public final class AlertJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private AlertJson() {}

  /**
   * @param a an alert
   * @return its fields, in a stable order: {@code id, watch, story, kind, title, createdAt, event} (the event as the
   *     checker wrote it, the cited item under {@code item})
   */
  public static Map<String, Object> of(Alert a) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", a.id());
    o.put("watch", a.watch());
    o.put("story", a.story());
    o.put("kind", a.kind());
    o.put("title", a.title());
    o.put("createdAt", a.createdAt().toString());
    try {
      o.put("event", JSON.readTree(a.json()));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      o.put("event", a.json());
    }
    return o;
  }
}
