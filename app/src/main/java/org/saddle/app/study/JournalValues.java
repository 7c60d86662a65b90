package org.saddle.app.study;

import org.saddle.app.sweep.Payload;
import org.saddle.solver.Boundary;
import org.saddle.solver.CriticalLoad;
import org.saddle.solver.SolveStatus;

/**
 * Exact journal encodings ({@link Payload}) of the solver results that several sharded study types journal: a
 * phase-line point ({@link Boundary}) and a T = 0 critical load ({@link CriticalLoad}). Each {@code read} is the
 * inverse of its {@code add}, every double bit for bit.
 */
final class JournalValues {
    private JournalValues() {}

    static void add(Payload.Writer w, Boundary b) {
        w.addNullable(b.line()).add(b.load()).add(b.temperature()).add(b.error()).add(b.exists()).addNullable(b.status());
    }

    static Boundary readBoundary(Payload.Reader r) {
        return new Boundary(r.nextNullableString(), r.nextDouble(), r.nextDouble(), r.nextDouble(), r.nextBoolean(),
                r.nextNullableString());
    }

    static void add(Payload.Writer w, CriticalLoad c) {
        w.add(c.load()).add(c.m()).add(c.error()).addNullable(c.status() == null ? null : c.status().name())
                .addNullable(c.message());
    }

    static CriticalLoad readCriticalLoad(Payload.Reader r) {
        return new CriticalLoad(r.nextDouble(), r.nextDouble(), r.nextDouble(), status(r.nextNullableString()),
                r.nextNullableString());
    }

    static SolveStatus status(String name) {
        return name == null ? null : SolveStatus.valueOf(name);
    }
}
