#pragma once
// Elementwise loops get an AVX2 clone picked at load time (more lanes, same per-element
// arithmetic; the target has no FMA and -ffp-contract=off forbids contraction anyway).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define LIVEML_VECTOR_CLONES __attribute__((target_clones("avx2", "default")))
#else
#define LIVEML_VECTOR_CLONES
#endif
