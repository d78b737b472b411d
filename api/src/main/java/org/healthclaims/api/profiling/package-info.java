/** On-demand flame graphs of the running server (async-profiler), for finding the slow function under load. */
@NullMarked
package org.healthclaims.api.profiling;

import org.jspecify.annotations.NullMarked;
