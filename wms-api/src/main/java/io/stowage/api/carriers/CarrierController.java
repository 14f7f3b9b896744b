package io.stowage.api.carriers;

import io.stowage.api.paging.Cursor;
import io.stowage.api.paging.Page;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The carrier services a store may offer at checkout; any authenticated caller may read them. */
@RestController
class CarrierController {

    private final CarrierDirectory directory;

    CarrierController(CarrierDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/api/v1/carrier-services")
    Page<CarrierServiceView> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String after) {
        int size = Cursor.limit(limit);
        String afterCode = Cursor.decode(after);
        List<CarrierServiceView> rows = directory.services().stream()
                .filter(service -> service.code().compareTo(afterCode) > 0)
                .limit(size + 1L)
                .toList();
        return Page.of(rows, size, CarrierServiceView::code);
    }
}
