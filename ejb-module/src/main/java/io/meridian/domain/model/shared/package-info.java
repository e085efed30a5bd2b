/** Building blocks every aggregate uses: the domain's typed failure and its kinds. */
package io.meridian.domain.model.shared;
