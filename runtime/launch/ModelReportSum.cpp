#include "runtime/launch/ModelReportSum.h"

namespace tilec::launch {

void addExceptTime(isa::ModelReport &total, const isa::ModelReport &part) {
  total.cores += part.cores;
  for (size_t p = 0; p < total.busyMicros.size(); ++p)
    total.busyMicros[p] += part.busyMicros[p];
  for (size_t p = 0; p < total.bytes.size(); ++p)
    total.bytes[p] += part.bytes[p];
  total.macs += part.macs;
  total.gmBytes += part.gmBytes;
  total.l2HitBytes += part.l2HitBytes;
  total.hbmReadBytes += part.hbmReadBytes;
  total.hbmWriteBytes += part.hbmWriteBytes;
  total.cubeBoundMicros += part.cubeBoundMicros;
  total.vectorBoundMicros += part.vectorBoundMicros;
  total.memoryBoundMicros += part.memoryBoundMicros;
}

} // namespace tilec::launch
