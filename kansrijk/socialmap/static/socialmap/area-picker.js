// Service-area picker: a text filter over the municipalities. The picker works without it.
document.querySelectorAll("[data-area-picker]").forEach((picker) => {
  const filter = picker.querySelector("[data-area-filter]");
  const input = filter.querySelector("input");
  const provinces = picker.querySelectorAll("[data-province]");
  const wasOpen = new Map([...provinces].map((p) => [p, p.open]));
  filter.hidden = false;
  input.addEventListener("input", () => {
    const query = input.value.trim().toLocaleLowerCase("nl");
    provinces.forEach((province) => {
      let matches = 0;
      province.querySelectorAll("li").forEach((item) => {
        const hit = !query || item.textContent.toLocaleLowerCase("nl").includes(query);
        item.hidden = !hit;
        matches += hit ? 1 : 0;
      });
      province.hidden = query !== "" && matches === 0;
      province.open = query ? matches > 0 : wasOpen.get(province);
    });
  });
});
