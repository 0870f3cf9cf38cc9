package par

import (
	"sync/atomic"
	"testing"
)

func TestEach(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		got := make([]int, n)
		var calls atomic.Int64
		Each(n, func(i int) {
			calls.Add(1)
			got[i] = i * i
		})
		if int(calls.Load()) != n {
			t.Errorf("n=%d: %d calls", n, calls.Load())
		}
		for i, v := range got {
			if v != i*i {
				t.Fatalf("n=%d: slot %d = %d", n, i, v)
			}
		}
	}
}
