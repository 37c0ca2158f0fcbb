package network.icn.placement.service;

import network.icn.placement.api.PlacementAdmin;
import network.icn.placement.api.PlacementService;

class InProcessPlacementServiceTest extends PlacementServiceContract {
  @Override
  PlacementService service() {
    return h.service;
  }

  @Override
  PlacementAdmin admin() {
    return h.service;
  }
}
