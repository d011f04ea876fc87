package org.crosscheck.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TextDecodingTest {
  @Test
  void decodesUtf8WithAndWithoutBom() {
    byte[] plain = "Kim Jong-un \u2014 \u201Cquote\u201D".getBytes(StandardCharsets.UTF_8);
    assertThat(TextDecoding.decode(plain).text()).isEqualTo("Kim Jong-un \u2014 \u201Cquote\u201D");
    byte[] bom = new byte[plain.length + 3];
    bom[0] = (byte) 0xEF;
    bom[1] = (byte) 0xBB;
    bom[2] = (byte) 0xBF;
    System.arraycopy(plain, 0, bom, 3, plain.length);
    assertThat(TextDecoding.decode(bom).text()).isEqualTo("Kim Jong-un \u2014 \u201Cquote\u201D");
    assertThat(TextDecoding.decode(bom).note()).isNull();
  }

  @Test
  void decodesUtf16WithBom() {
    byte[] b = "\uFEFFSeoul".getBytes(StandardCharsets.UTF_16LE);
    assertThat(TextDecoding.decode(b).text()).isEqualTo("Seoul");
  }

  @Test
  void fallsBackToWindows1252ForSingleByteText() {
    byte[] b = {'c', 'a', 'f', (byte) 0xE9, ' ', (byte) 0x93, 'q', (byte) 0x94};
    TextDecoding.Decoded d = TextDecoding.decode(b);
    assertThat(d.text()).isEqualTo("caf\u00e9 \u201Cq\u201D");
    assertThat(d.note()).contains("offset 3").contains("Windows-1252");
  }

  @Test
  void refusesMixedValidAndInvalidUtf8() {
    byte[] b = {(byte) 0xC3, (byte) 0xA9, ' ', (byte) 0xE9, ' '};
    assertThatThrownBy(() -> TextDecoding.decode(b)).isInstanceOf(IngestException.class)
        .hasMessageContaining("invalid UTF-8 at byte offset 3");
  }
}
