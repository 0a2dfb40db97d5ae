package cn.xiaoan.ingest;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;

/** Opens text streams as readers in a given charset, or as UTF-8 where the bytes are and GB18030 elsewhere. */
final class TextDecoding {
    /** Marker for a submitted file: decode each line as UTF-8 when it is, else as GB18030. */
    static final Charset MIXED = Charset.forName("GB18030");

    private TextDecoding() {}

    static Reader open(InputStream in, Charset charset) {
        if (charset == MIXED) {
            return new MixedEncodingReader(in);
        }
        return new InputStreamReader(
                in,
                charset.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPLACE)
                        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    }
}
