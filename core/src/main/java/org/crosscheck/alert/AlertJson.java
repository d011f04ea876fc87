package org.crosscheck.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.crosscheck.store.AlertStore.Alert;

/** Alerts and watches as the API and the command line give them in JSON. Stateless. */
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

  /**
   * @param w a watch
   * @param alerts how many alerts it has raised
   * @return its fields, in a stable order: {@code id, kind, value, createdAt, alerts}
   */
  public static Map<String, Object> of(org.crosscheck.store.AlertStore.Watch w, int alerts) {
    Map<String, Object> o = new LinkedHashMap<>();
    o.put("id", w.id());
    o.put("kind", w.kind().label());
    o.put("value", w.value());
    o.put("createdAt", w.createdAt().toString());
    o.put("alerts", alerts);
    return o;
  }
}
