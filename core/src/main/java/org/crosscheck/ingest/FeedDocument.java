package org.crosscheck.ingest;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UnsupportedEncodingException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A feed document decoded and parsed: Rome's {@link XmlReader} picks the encoding (BOM, XML
 * declaration, a charset the server declared), the root element is checked before parsing, the
 * XML is parsed within limits ({@link FeedXml}), and parse errors become {@link IngestException}s
 * with line and column.
 */
record FeedDocument(SyndFeed feed, @Nullable String rootLanguage) {
  private static final Set<String> FEED_ROOTS = Set.of("rss", "rdf", "feed");
  private static final Pattern XML_LANG = Pattern.compile("\\sxml:lang\\s*=\\s*[\"']([^\"']*)[\"']");


  static FeedDocument parse(byte[] bytes, @Nullable String contentType) {
    String xml = decode(bytes, contentType);
    FeedProlog prolog = FeedProlog.scan(xml);
    if (prolog.rootName() == null) {
      throw new IngestException(xml.isBlank() ? "the feed is empty" : "not an RSS or Atom feed (no XML root element)");
    }
    if (!FEED_ROOTS.contains(localName(prolog.rootName()).toLowerCase(Locale.ROOT))) {
      throw notAFeed(prolog.rootName());
    }
    org.jdom2.Document xmlDocument = FeedXml.parse(prolog.withoutExternalDoctype(xml));
    try {
      SyndFeed feed = new SyndFeedInput().build(xmlDocument);
      Matcher lang = XML_LANG.matcher(prolog.rootTag());
      return new FeedDocument(feed, lang.find() ? FeedArticleImporter.blankToNull(lang.group(1)) : null);
    } catch (IllegalArgumentException e) {
      throw notAFeed(prolog.rootName());
    } catch (FeedException e) {
      throw new IngestException("cannot read the feed: " + FeedArticleImporter.reasonOf(e), e);
    }
  }

  /**
   * Decodes with Rome's XmlReader; a server's content type counts only when it names a charset.
   *
   * @throws IngestException when the declared encoding is unknown or the bytes do not fit it (the
   *     bytes are in memory, so any read error is a decoding error)
   */
  private static String decode(byte[] bytes, @Nullable String contentType) {
    var in = new ByteArrayInputStream(bytes);
    boolean charsetGiven = contentType != null && contentType.toLowerCase(Locale.ROOT).contains("charset=");
    try (Reader reader = charsetGiven ? new XmlReader(in, contentType, true) : new XmlReader(in)) {
      StringWriter out = new StringWriter(bytes.length);
      reader.transferTo(out);
      return out.toString();
    } catch (UnsupportedEncodingException e) {
      throw new IngestException("the feed declares an encoding that is not known: " + FeedArticleImporter.reasonOf(e), e);
    } catch (IOException e) {
      throw new IngestException("cannot decode the feed: " + FeedArticleImporter.reasonOf(e), e);
    }
  }

  private static IngestException notAFeed(String rootName) {
    return new IngestException("not an RSS or Atom feed (root element <" + rootName + ">)");
  }

  private static String localName(String name) {
    return name.substring(name.indexOf(':') + 1);
  }
}
