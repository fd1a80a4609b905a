package org.offstats.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The hand-over between the validating thread and the aggregating one. */
class ReadAheadTest {

  @Test
  void handsOverEveryItemInOrderThenEnds() throws IOException {
    List<Integer> received = new ArrayList<>();
    try (ReadAhead<Integer> ahead = ReadAhead.start("test", 2, out -> {
      for (int i = 0; i < 1000; i++) {
        out.put(i);
      }
    })) {
      for (Integer item = ahead.next(); item != null; item = ahead.next()) {
        received.add(item);
      }
      assertThat(ahead.next()).isNull();
    }
    assertThat(received).hasSize(1000);
    for (int i = 0; i < received.size(); i++) {
      assertThat(received.get(i)).isEqualTo(i);
    }
  }

  @Test
  void throwsWhatTheProducerThrewAfterWhatItProducedBefore() throws IOException {
    IOException problem = new IOException("arrests.csv line 3: a quote is not closed");
    try (ReadAhead<String> ahead = ReadAhead.start("test", 4, out -> {
      out.put("line 1");
      out.put("line 2");
      throw problem;
    })) {
      assertThat(ahead.next()).isEqualTo("line 1");
      assertThat(ahead.next()).isEqualTo("line 2");
      assertThatThrownBy(ahead::next).isSameAs(problem);
      assertThat(ahead.next()).isNull();
    }
  }

  @Test
  void throwsUncheckedExceptionsAsTheyAre() throws IOException {
    UncheckedIOException problem = new UncheckedIOException(new IOException("disk"));
    try (ReadAhead<String> ahead = ReadAhead.start("test", 1, out -> {
      throw problem;
    })) {
      assertThatThrownBy(ahead::next).isSameAs(problem);
    }
  }

  @Test
  void closingEarlyStopsAProducerThatIsWaitingForRoom() throws Exception {
    CountDownLatch full = new CountDownLatch(1);
    AtomicBoolean stopped = new AtomicBoolean();
    ReadAhead<Integer> ahead = ReadAhead.start("test", 1, out -> {
      try {
        out.put(1);
        full.countDown();
        while (true) {
          out.put(2);
        }
      } finally {
        stopped.set(true);
      }
    });
    assertThat(full.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(ahead.next()).isEqualTo(1);
    ahead.close(); // the caller gave up (its own failure): the producer must not be left running
    assertThat(stopped).isTrue();
  }
}
