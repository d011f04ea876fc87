/**
 * Alerts: what a watch (a saved search, a followed story or speaker) raises when a new story matches
 * it, or a story it follows gains a conflict, an outlet or a quote by the speaker; and their delivery
 * to webhooks, signed and retried.
 */
@NullMarked
package org.crosscheck.alert;

import org.jspecify.annotations.NullMarked;
