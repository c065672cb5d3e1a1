#pragma once
// A small deterministic random source (SplitMix64) with its own distributions, so that the demo
// authority is the same, byte for byte, for one seed on every machine and standard library.
#include <cmath>
#include <cstdint>

class Rng
{
public:
    explicit Rng(uint64_t seed) : m_state(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull) {}

    uint64_t next()
    {
        uint64_t z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, 1).
    double uniform() { return double(next() >> 11) * (1.0 / 9007199254740992.0); }
    // Uniform integer in [lo, hi].
    int range(int lo, int hi) { return lo + int(next() % uint64_t(hi - lo + 1)); }
    bool chance(double p) { return uniform() < p; }
    double exponential(double mean) { return -mean * std::log(1.0 - uniform()); }
    double normal(double mean, double sd)
    {
        const double u1 = 1.0 - uniform(), u2 = uniform();
        return mean + sd * std::sqrt(-2.0 * std::log(u1)) * std::cos(6.283185307179586 * u2);
    }
    int poisson(double mean)
    {
        if (mean > 30)
            return std::max(0, int(std::lround(normal(mean, std::sqrt(mean)))));
        const double l = std::exp(-mean);
        int k = 0;
        double p = 1.0;
        do {
            ++k;
            p *= uniform();
        } while (p > l);
        return k - 1;
    }
    // Index into cumulative weights (need not sum to 1).
    template<typename Container>
    int pick(const Container &weights)
    {
        double total = 0;
        for (double w : weights)
            total += w;
        double u = uniform() * total;
        int i = 0;
        for (double w : weights) {
            if (u < w)
                return i;
            u -= w;
            ++i;
        }
        return i - 1;
    }

private:
    uint64_t m_state;
};
