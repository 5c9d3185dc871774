#include "runtime/isa/Report.h"

#include <algorithm>
#include <ostream>

namespace tilec::isa {

double Roofline::boundMicros() const {
  return std::max({cubeMicros, vectorMicros, memoryMicros});
}

const char *Roofline::boundBy() const {
  double b = boundMicros();
  if (b == cubeMicros)
    return "cube";
  if (b == vectorMicros)
    return "vector";
  return "memory";
}

Roofline workRoofline(const target::TargetDescription &target, const ModelReport &total,
                      uint64_t parameterBytes, double cubeWorkMicros) {
  return {cubeWorkMicros, total.vectorBoundMicros, target.chipGmMicros(parameterBytes)};
}

double ModelReport::rooflineRatio() const {
  return micros > 0 ? boundMicros() / micros : 0;
}

ModelReport summarize(const target::TargetDescription &t,
                      const std::vector<const CoreContext *> &cores) {
  ModelReport r;
  r.cores = int(cores.size());
  for (const CoreContext *c : cores) {
    r.micros = std::max(r.micros, t.cyclesToMicros(c->cycles.elapsedCycles()));
    for (int p = 0; p < target::kNumPipes; ++p)
      r.busyMicros[p] += t.cyclesToMicros(c->cycles.busyCycles(target::Pipe(p)));
    for (int p = 0; p < target::kNumPaths; ++p)
      r.bytes[p] += c->cycles.bytes(target::Path(p));
    r.macs += c->cycles.macs();
  }
  for (int p = 0; p < target::kNumPaths; ++p)
    if (t.paths[p].touchesGm)
      r.gmBytes += r.bytes[p];
  r.cubeBoundMicros = r.busyMicros[int(target::Pipe::M)] / t.cubeCores;
  r.vectorBoundMicros = r.busyMicros[int(target::Pipe::V)] / t.vectorCores;
  r.memoryBoundMicros = t.chipGmMicros(r.gmBytes);
  return r;
}

double memoryMicros(const target::TargetDescription &t, uint64_t gmReadBytes,
                    uint64_t gmWriteBytes, uint64_t hbmBytes) {
  return std::max({t.chipGmMicros(hbmBytes), t.chipL2ReadMicros(gmReadBytes),
                   t.chipL2WriteMicros(gmWriteBytes)});
}

namespace {
void writeJsonString(std::ostream &os, const std::string &s) {
  os << '"';
  for (char ch : s) {
    if (ch == '"' || ch == '\\')
      os << '\\';
    os << ch;
  }
  os << '"';
}
} // namespace

void writeChromeTrace(std::ostream &os,
                      const std::vector<const CoreContext *> &cores) {
  os << "{\"traceEvents\":[\n";
  bool first = true;
  auto sep = [&] {
    if (!first)
      os << ",\n";
    first = false;
  };
  for (const CoreContext *c : cores) {
    const double ghz = c->target().clockGHz;
    sep();
    os << "{\"ph\":\"M\",\"name\":\"process_name\",\"pid\":" << c->coreId()
       << ",\"args\":{\"name\":";
    writeJsonString(os, "core " + std::to_string(c->coreId()) + " " +
                            coreKindName(c->kind()) + " (" +
                            c->kernelName + " block " +
                            std::to_string(c->blockIdx) + ")");
    os << "}}";
    for (int p = 0; p < target::kNumPipes; ++p) {
      sep();
      os << "{\"ph\":\"M\",\"name\":\"thread_name\",\"pid\":" << c->coreId()
         << ",\"tid\":" << p << ",\"args\":{\"name\":\""
         << target::name(target::Pipe(p)) << "\"}}";
    }
    for (const TraceEvent &e : c->cycles.trace()) {
      sep();
      os << "{\"ph\":\"X\",\"name\":";
      writeJsonString(os, e.name);
      os << ",\"pid\":" << c->coreId() << ",\"tid\":" << int(e.pipe)
         << ",\"ts\":" << e.startCycle / (ghz * 1e3)
         << ",\"dur\":" << e.cycles / (ghz * 1e3) << "}";
    }
  }
  os << "\n],\"displayTimeUnit\":\"ns\"}\n";
}

} // namespace tilec::isa
