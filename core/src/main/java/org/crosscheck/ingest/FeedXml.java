package org.crosscheck.ingest;

import com.rometools.rome.io.impl.XmlFixerReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaderJDOMFactory;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

/**
 * Parses feed XML into a JDOM document for Rome with the JDK's own parser, whatever other parser
 * (Xerces) is on the class path, because only the JDK's parser bounds the attributes of one
 * element ({@link Limits#MAX_XML_ATTRIBUTES}) and the nesting depth ({@link
 * Limits#MAX_XML_DEPTH}): without those, one element with 200,000 attributes keeps a core busy
 * for minutes in the duplicate-attribute checks of the parser and of JDOM.
 *
 * <p>Secure processing is on, any DOCTYPE declaration is refused (the caller blanks out an
 * external-only one first), and external DTDs and entities are never loaded, so neither XXE nor
 * entity expansion ("billion laughs") can happen. Rome's XML healer (HTML entities such as {@code
 * &nbsp;} made numeric) runs before parsing, as in Rome's own {@code build(Reader)}. Stateless and
 * thread-safe.
 */
final class FeedXml {
  private static final SAXParserFactory FACTORY = SAXParserFactory.newDefaultInstance();
  private static final Pattern ATTRIBUTE_LIMIT = Pattern.compile("elementAttributeLimit");
  private static final Pattern DEPTH_LIMIT = Pattern.compile("maxElementDepth");
  private static final Pattern ELEMENT_NAME = Pattern.compile("(?i)element \"([^\"]+)\"");

  static {
    FACTORY.setNamespaceAware(true);
    FACTORY.setValidating(false);
  }

  private FeedXml() {}

  /**
   * @param xml the feed, decoded
   * @return the parsed document
   * @throws IngestException when the XML is malformed ({@code malformed feed XML at line L, column
   *     C: ...}), has a DOCTYPE, or breaks a limit ({@code line L: an element has more than 1,000
   *     attributes (limit 1,000)})
   */
  static Document parse(String xml) {
    SAXBuilder builder = new SAXBuilder(new JdkReaders());
    builder.setExpandEntities(false);
    builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
    try {
      return builder.build(new XmlFixerReader(new StringReader(xml)));
    } catch (JDOMException e) {
      throw refusal(e);
    } catch (IOException e) {
      throw new IngestException("cannot read the feed: " + FeedArticleImporter.reasonOf(e), e);
    }
  }

  private static IngestException refusal(JDOMException e) {
    SAXParseException sax = null;
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof SAXParseException s) {
        sax = s;
      }
    }
    if (sax == null) {
      return new IngestException("malformed feed XML: " + FeedArticleImporter.reasonOf(e), e);
    }
    String message = FeedArticleImporter.reasonOf(sax);
    int line = sax.getLineNumber();
    if (ATTRIBUTE_LIMIT.matcher(message).find()) {
      return new IngestException("line " + line + ": " + elementName(message) + " has more than "
          + number(Limits.MAX_XML_ATTRIBUTES) + " attributes (limit " + number(Limits.MAX_XML_ATTRIBUTES) + ")", e);
    }
    if (DEPTH_LIMIT.matcher(message).find()) {
      return new IngestException("line " + line + ": elements nested deeper than "
          + number(Limits.MAX_XML_DEPTH) + " levels", e);
    }
    return new IngestException(
        "malformed feed XML at line " + line + ", column " + sax.getColumnNumber() + ": " + message, e);
  }

  private static String elementName(String message) {
    Matcher m = ELEMENT_NAME.matcher(message);
    return m.find() ? "the element <" + m.group(1) + ">" : "an element";
  }

  private static String number(int n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Makes JDK parsers with the limits set and DOCTYPEs and external entities refused. */
  private static final class JdkReaders implements XMLReaderJDOMFactory {
    @Override
    public XMLReader createXMLReader() throws JDOMException {
      try {
        XMLReader reader;
        synchronized (FACTORY) {
          reader = FACTORY.newSAXParser().getXMLReader();
        }
        reader.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        reader.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        reader.setFeature("http://xml.org/sax/features/external-general-entities", false);
        reader.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        reader.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        reader.setProperty("jdk.xml.elementAttributeLimit", String.valueOf(Limits.MAX_XML_ATTRIBUTES));
        reader.setProperty("jdk.xml.maxElementDepth", String.valueOf(Limits.MAX_XML_DEPTH));
        return reader;
      } catch (ParserConfigurationException | SAXException e) {
        throw new JDOMException("cannot set up the XML parser: " + e.getMessage(), e);
      }
    }

    @Override
    public boolean isValidating() {
      return false;
    }
  }
}
