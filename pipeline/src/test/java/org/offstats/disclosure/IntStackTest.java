package org.offstats.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntStackTest {
  @Test
  void popsInReverseAndGrows() {
    IntStack stack = new IntStack();
    for (int i = 0; i < 100; i++) {
      stack.push(i * 3);
    }
    assertThat(stack.size()).isEqualTo(100);
    assertThat(stack.get(0)).isZero();
    assertThat(stack.get(99)).isEqualTo(297);
    assertThat(stack.pop()).isEqualTo(297);
    assertThat(stack.pop()).isEqualTo(294);
    assertThat(stack.size()).isEqualTo(98);
    assertThatThrownBy(() -> stack.get(98)).isInstanceOf(IndexOutOfBoundsException.class);
    stack.clear();
    assertThat(stack.size()).isZero();
    assertThatThrownBy(stack::pop).isInstanceOf(IllegalStateException.class);
  }
}
